using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Reports;
using Regiekamer.Core.Tests.TestSupport;

namespace Regiekamer.Core.Tests.Reports;

/// <summary>R15: the actions of the annual accounts (BBC's action layout, read as a plan of the report's one year) mapped onto the year's report, as a pure function.</summary>
public sealed class ReportImportTests
{
    private const int Year = 2023;

    private const string Header = "Beleidsdoelstelling;Actieplan;Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2023";

    private static ReportedAction Planned(int position, string code, string? title = null) => new()
    {
        PlannedActionId = 100 + position,
        Position = position,
        PolicyGoal = "Beleidsdoelstelling sociale economie en werk",
        ActionPlan = "Actieplan regie",
        ShortDescription = title ?? $"Concrete actie {position} voor {code}",
        LongDescription = "<p>Wat en waarom (plan).</p>",
        Code = code,
        PlannedAmount = Money.FromEuros(1_000 * position),
        Outcome = ReportOutcome.CarriedOut,
        Version = 1,
    };

    /// <summary>The report as it starts from a plan with one action per priority.</summary>
    private static List<ReportedAction> Report() => [Planned(1, "WSE-LR1"), Planned(2, "WSE-LR2"), Planned(3, "WSE-LR3"), Planned(4, "WSE-LR4")];

    private static PlanFileResult Csv(params string[] rows) =>
        Plans.Read(string.Join("\n", [Header, .. rows]) + "\n", "jaarrekening-2023.csv", new PlanPeriod(Year, Year));

    private static ReportImportMapping Mapped(IReadOnlyList<ReportedAction> report, PlanFileResult file)
    {
        var mapped = ReportImport.Map(Year, report, file);
        Assert.True(mapped.IsSuccess, string.Join(" | ", mapped.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message.En}")));
        return mapped.Value!;
    }

    /// <summary>The report's actions as the service leaves them (planned ones in place, unplanned ones after).</summary>
    private static List<ReportedAction> Applied(ReportImportMapping mapping) =>
        mapping.Actions.Select((a, i) => new ReportedAction
        {
            PlannedActionId = a.Planned?.PlannedActionId,
            Position = a.Planned?.Position ?? 100 + i,
            PolicyGoal = a.PolicyGoal,
            ActionPlan = a.ActionPlan,
            ShortDescription = a.ShortDescription,
            LongDescription = a.LongDescription,
            Comment = a.Comment,
            Code = a.Code,
            PlannedAmount = a.Planned?.PlannedAmount,
            Cost = a.Cost,
            Outcome = a.Outcome,
            NotCarriedOutReason = a.Reason,
        }).ToList();

    [Fact]
    public void ARowWithThePlannedCodeAndShortDescription_CaseAndWhiteSpaceIgnored_ReportsThePlannedActionCarriedOut_WithTheYearsAmountAsCost()
    {
        var report = Report();
        var mapping = Mapped(report, Csv(";;  concrete   ACTIE 1\u00a0voor wse-lr1 ;<p>Wat we deden.</p>;12 bedrijven bereikt;wse-lr1;1.250,50"));

        var first = mapping.Actions[0];
        Assert.Same(report[0], first.Planned);
        Assert.Equal((ReportOutcome.CarriedOut, 2), (first.Outcome, first.Row));
        Assert.Equal(new Money(1_250_50), first.Cost);
        Assert.Equal(("concrete   ACTIE 1\u00a0voor wse-lr1", "<p>Wat we deden.</p>", "12 bedrijven bereikt", "WSE-LR1"), (first.ShortDescription, first.LongDescription, first.Comment, first.Code));
        Assert.Equal(("Beleidsdoelstelling sociale economie en werk", "Actieplan regie"), (first.PolicyGoal, first.ActionPlan)); // the row has none: the plan's stay
        Assert.Null(first.Reason);
        Assert.Equal(ReportImport.Key("WSE-LR1", "Concrete actie 1 voor WSE-LR1"), ReportImport.Key(" wse-lr1", "concrete actie 1\tvoor\r\nWSE-LR1 "), StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual(ReportImport.Key("WSE-LR1", "Concrete actie 1"), ReportImport.Key("WSE-LR1", "Concrete actie 1."), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void ARowMatchingNoPlannedAction_IsUnplanned_APlannedActionWithoutARow_IsNotCarriedOut_AndTheCheckAsksWhy()
    {
        var report = Report();
        var mapping = Mapped(report, Csv(
            "BD;AP;Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1.000,00",
            ";;Concrete actie 2 voor WSE-LR2;<p>Wat.</p>;;WSE-LR2;",
            ";;Concrete actie 3 voor WSE-LR3;<p>Andere code.</p>;;WSE-LR4;300,00",
            ";;Netwerkmoment met VDAB;<p>Niet gepland.</p>;30 deelnemers;WSE-LR4;750,00"));

        Assert.Equal((2, 2, 2), (mapping.Updated, mapping.Unplanned, mapping.NotCarriedOut));
        Assert.Equal([ReportOutcome.CarriedOut, ReportOutcome.CarriedOut, ReportOutcome.NotCarriedOut, ReportOutcome.NotCarriedOut, ReportOutcome.Unplanned, ReportOutcome.Unplanned], mapping.Actions.Select(a => a.Outcome));
        Assert.Equal(("BD", "AP"), (mapping.Actions[0].PolicyGoal, mapping.Actions[0].ActionPlan));
        Assert.Null(mapping.Actions[1].Cost); // an empty amount: carried out, no cost given
        Assert.Equal([report[2], report[3]], mapping.Actions.Where(a => a.Outcome == ReportOutcome.NotCarriedOut).Select(a => a.Planned));
        Assert.All(mapping.Actions.Where(a => a.Outcome == ReportOutcome.NotCarriedOut), a => Assert.True(a.Row is null && a.Cost is null && a.Reason is null));
        Assert.Equal([(4, "WSE-LR4", new Money(300_00)), (5, "WSE-LR4", new Money(750_00))], mapping.Actions.Where(a => a.Outcome == ReportOutcome.Unplanned).Select(a => (a.Row!.Value, a.Code, a.Cost!.Value)));

        var findings = ReportRules.Check(Year, bbcRoute: true, Applied(mapping));
        Assert.Equal([3, 4], findings.Where(f => f.Rule == Rules.R15 && f.Field == "reason").Select(f => f.Row));
        var formRoute = ReportRules.Check(Year, bbcRoute: false, Applied(mapping));
        Assert.Contains(formRoute, f => f.Rule == Rules.R15 && f.Field == "cost" && f.Row == 2); // the form route asks the empty cost
    }

    [Fact]
    public void AReasonGivenBefore_Stays_WhenTheFileStillLacksTheAction_ButNotWhenItHasIt()
    {
        var report = Report();
        report[2].Outcome = ReportOutcome.NotCarriedOut;
        report[2].NotCarriedOutReason = "De partner haakte af.";
        report[3].Outcome = ReportOutcome.NotCarriedOut;
        report[3].NotCarriedOutReason = "Uitgesteld.";

        var mapping = Mapped(report, Csv(";;Concrete actie 4 voor WSE-LR4;<p>Toch gedaan.</p>;;WSE-LR4;0"));

        Assert.Equal("De partner haakte af.", mapping.Actions.Single(a => a.Planned == report[2]).Reason);
        var fourth = mapping.Actions.Single(a => a.Planned == report[3]);
        Assert.Equal((ReportOutcome.CarriedOut, (string?)null, (Money?)Money.Zero), (fourth.Outcome, fourth.Reason, fourth.Cost));
        Assert.Null(mapping.Actions.Single(a => a.Planned == report[0]).Reason);
    }

    [Fact]
    public void PlannedActionsWithTheSameCodeAndTitle_AreTakenByTheirRowsInOrder_AndARowBeyondThemIsUnplanned()
    {
        List<ReportedAction> report = [Planned(1, "WSE-LR1", "Netwerkmoment"), Planned(2, "WSE-LR1", "Netwerkmoment"), Planned(3, "WSE-LR2")];
        var mapping = Mapped(report, Csv(
            ";;Netwerkmoment;<p>Eerste.</p>;;WSE-LR1;100",
            ";;netwerkmoment;<p>Tweede.</p>;;WSE-LR1;200",
            ";;Netwerkmoment;<p>Derde.</p>;;WSE-LR1;300"));

        Assert.Equal([(report[0], 2), (report[1], 3)], mapping.Actions.Where(a => a.Outcome == ReportOutcome.CarriedOut).Select(a => (a.Planned!, a.Row!.Value)));
        Assert.Equal(4, mapping.Actions.Single(a => a.Outcome == ReportOutcome.Unplanned).Row);
        Assert.Equal(report[2], mapping.Actions.Single(a => a.Outcome == ReportOutcome.NotCarriedOut).Planned);
    }

    [Fact]
    public void UnplannedActionsTheReportHad_AreNotMatched_TheFileReplacesThem()
    {
        var report = Report();
        report.Add(new ReportedAction { Position = 5, ShortDescription = "Netwerkmoment", Code = "WSE-LR4", Outcome = ReportOutcome.Unplanned });

        var mapping = Mapped(report, Csv(";;Netwerkmoment;<p>Wat.</p>;;WSE-LR4;10"));

        Assert.Equal(5, mapping.Actions.Count);
        var unplanned = Assert.Single(mapping.Actions, a => a.Outcome == ReportOutcome.Unplanned);
        Assert.Null(unplanned.Planned);
    }

    [Fact]
    public void AnAmountForAnotherYear_IsRefused_NamingTheRowAndColumn_AndNothingIsMapped()
    {
        var file = Plans.Read(
            "Actie omschrijving;Actie lange omschrijving;Actie commentaar;Code;Bedrag 2022;Bedrag 2023;Bedrag 2024\n"
            + "Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;;1.000,00;\n"
            + "Concrete actie 2 voor WSE-LR2;<p>Wat.</p>;;WSE-LR2;;1.000,00;1.000,00\n"
            + "Concrete actie 3 voor WSE-LR3;<p>Wat.</p>;;WSE-LR3;500;;\n",
            "jaarrekening.csv",
            new PlanPeriod(Year, Year));

        var mapped = ReportImport.Map(Year, Report(), file);

        Assert.False(mapped.IsSuccess);
        Assert.Equal([(Rules.R15, "row 3, Bedrag 2024"), (Rules.R15, "row 4, Bedrag 2022")], mapped.Errors.Select(e => (e.Code, e.Field)));
        Assert.All(mapped.Errors, e => Assert.Equal(ErrorKind.RuleBroken, e.Kind));
        Assert.StartsWith("rij 3, Bedrag 2024: R15: een jaarverslag gaat over één jaar (2023), maar deze rij heeft een bedrag voor 2024.", mapped.Errors[0].Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith("row 3, Bedrag 2024: R15: an annual report is about one year (2023)", mapped.Errors[0].Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkbookWithAmountsForEveryYearOfThePlan_IsRefusedForEachRowWithAnotherYear()
    {
        var plan = Plans.EveryPriority();
        var file = Plans.Read(Plans.WriteXlsx(plan), "jaarrekening.xlsx", new PlanPeriod(2024, 2024));

        Assert.Equal(PlanFileFormat.Xlsx, file.Format);
        var mapped = ReportImport.Map(2024, Report(), file);

        Assert.Equal(8, mapped.Errors.Count);
        Assert.Equal(["row 2, Bedrag 2023", "row 2, Bedrag 2025", "row 3, Bedrag 2023"], mapped.Errors.Take(3).Select(e => e.Field));
    }

    [Fact]
    public void BadRows_AreRefused_EachNamingRowColumnAndRule()
    {
        var mapped = ReportImport.Map(Year, Report(), Csv(
            ";;Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;LSEVBP01;1.000,00",
            ";;;<p>Geen titel.</p>;;WSE-LR2;1.000,00",
            ";;Concrete actie 3 voor WSE-LR3;<p>Wat.</p>;;WSE-LR3;duizend"));

        Assert.Equal([(Rules.R12, "row 2, Code"), (Rules.R11, "row 3, Actie omschrijving"), (Rules.R11, "row 4, Bedrag 2023")], mapped.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void AFileWithoutTheYearsColumn_OrWithoutActions_IsRefused_WhileR10IsLeftToTheReport()
    {
        var withoutYear = Plans.Read(Plans.Csv("Actie;<p>Wat.</p>;;WSE-LR1;1;1;1"), "jaarrekening.csv", new PlanPeriod(2026, 2026));
        var refused = ReportImport.Map(2026, Report(), withoutYear);
        Assert.Equal(("unreadable-file", "file"), (Assert.Single(refused.Errors).Code, refused.Errors[0].Field));
        Assert.Contains("'Bedrag 2026'", refused.Errors[0].Message.Nl, StringComparison.Ordinal);

        var empty = ReportImport.Map(Year, Report(), Csv());
        Assert.Equal((Rules.R15, "file"), (Assert.Single(empty.Errors).Code, empty.Errors[0].Field));

        // Only WSE-LR1 carried out: the import goes through; R10 is the report's finding before submission.
        var onlyOne = Mapped(Report(), Csv(";;Concrete actie 1 voor WSE-LR1;<p>Wat.</p>;;WSE-LR1;1.000,00"));
        Assert.Equal((1, 0, 3), (onlyOne.Updated, onlyOne.Unplanned, onlyOne.NotCarriedOut));
        Assert.Contains(ReportRules.Check(Year, bbcRoute: true, Applied(onlyOne)), f => f.Rule == Rules.R10);
    }

    [Fact]
    public void AWorkbook_MapsAsTheSameCsv()
    {
        var year = new PlanPeriod(Year, Year);
        List<PlanAction> rows =
        [
            new(null, null, null, "Concrete actie 1 voor WSE-LR1", "<p>Wat.</p>", "Bereikt.", "WSE-LR1", new Dictionary<int, Money> { [Year] = new(1_234_56) }),
            new(null, null, null, "Iets nieuws", "<p>Wat.</p>", null, "WSE-LR3", new Dictionary<int, Money> { [Year] = Money.Zero }),
        ];

        var fromXlsx = Mapped(Report(), Plans.Read(Plans.WriteXlsx(rows, year), "jaarrekening.xlsx", year));
        var fromCsv = Mapped(Report(), Plans.Read(Plans.WriteCsv(rows, year), "jaarrekening.csv", year));

        Assert.Equal(fromCsv.Actions.Select(a => (a.Planned?.Position, a.Outcome, a.ShortDescription, a.Comment, a.Code, a.Cost)), fromXlsx.Actions.Select(a => (a.Planned?.Position, a.Outcome, a.ShortDescription, a.Comment, a.Code, a.Cost)));
        Assert.Equal((1, 1, 3), (fromXlsx.Updated, fromXlsx.Unplanned, fromXlsx.NotCarriedOut));
        Assert.Equal(new Money(1_234_56), fromXlsx.Actions[0].Cost);
    }
}
