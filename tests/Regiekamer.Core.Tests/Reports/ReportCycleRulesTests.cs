using Regiekamer.Core.Common;
using Regiekamer.Core.Reports;
using Regiekamer.Core.Tests.Documents;

namespace Regiekamer.Core.Tests.Reports;

/// <summary>Issue 9, points 3 and 4 as pure rules: the report deadline and its reminders (R15), the evaluation per priority (R16), and the receipt and decision as Dutch PDFs.</summary>
public sealed class ReportCycleRulesTests
{
    private static readonly DateOnly Due = new(2024, 6, 30);

    private static readonly string[] CallPriorities = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    [Theory]
    [InlineData("2024-06-30", null, "Open")]
    [InlineData("2024-07-01", null, "Overdue")]
    [InlineData("2024-07-01", "2024-06-30", "OnTime")]
    [InlineData("2024-09-01", "2024-07-01", "Late")]
    public void Timing_IsJudgedOnTheFirstSubmission_AgainstTheLastDay(string today, string? submitted, string expected) =>
        Assert.Equal(Enum.Parse<ReportTiming>(expected), ReportDeadlines.Timing(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Due, submitted is null ? null : DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AnExtension_OnlyMovesTheLastDayLater()
    {
        Assert.Equal(new DateOnly(2024, 9, 30), ReportDeadlines.LastDay(Due, new DateOnly(2024, 9, 30)));
        Assert.Equal(Due, ReportDeadlines.LastDay(Due, new DateOnly(2024, 5, 1)));
        Assert.Equal(Due, ReportDeadlines.LastDay(Due, null));
    }

    [Fact]
    public void OverdueReminders_AreNumberedPerWeek_FromTheDayAfterTheLastDay()
    {
        Assert.Null(ReportDeadlines.OverdueReminderDue(Due, Due, 7));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 2, 2], Enumerable.Range(1, 9).Select(d => ReportDeadlines.OverdueReminderDue(Due.AddDays(d), Due, 7)!.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportDeadlines.OverdueReminderDue(Due, Due, 0));
    }

    [Fact]
    public void AYearIsReportable_OnceItHasEnded() =>
        Assert.Equal((false, true), (ReportDeadlines.Reportable(2024, new DateOnly(2024, 12, 31)), ReportDeadlines.Reportable(2024, new DateOnly(2025, 1, 1))));

    [Fact]
    public void TheEvaluationPerPriority_JudgesEveryPriorityToDecide_AndARefusalRestsOnAnInsufficientOne()
    {
        var all = CallPriorities.Select(c => new PriorityEvaluationInput(c, true, null)).ToList();
        Assert.True(ReportRules.CheckEvaluation(ReportStep.Accept, CallPriorities, all).IsSuccess);
        Assert.True(ReportRules.CheckEvaluation(ReportStep.RequestClarification, CallPriorities, []).IsSuccess);

        var missing = ReportRules.CheckEvaluation(ReportStep.Accept, CallPriorities, all.Skip(1).ToList());
        Assert.Equal((Rules.R16, "priorities"), (Assert.Single(missing.Errors).Code, missing.Errors[0].Field));

        var allFine = ReportRules.CheckEvaluation(ReportStep.Refuse, CallPriorities, all);
        Assert.Contains("at least one", Assert.Single(allFine.Errors).Message.En, StringComparison.Ordinal);
        var refused = ReportRules.CheckEvaluation(ReportStep.Refuse, CallPriorities, [.. all.Take(3), new("wse-lr4", false, "  Niets.  ")]);
        Assert.Equal(("WSE-LR4", false, "Niets."), (refused.Value![3].Code, refused.Value[3].Sufficient, refused.Value[3].Remarks));

        var bad = ReportRules.CheckEvaluation(ReportStep.Accept, CallPriorities, [.. all, new("WSE-LR1", true, null), new("LSEVBP01", true, null), new("WSE-LR2", null, null)]);
        Assert.Equal(["priorities[4].code", "priorities[5].code", "priorities[6].code"], bad.Errors.Select(e => e.Field));
        var unjudged = ReportRules.CheckEvaluation(ReportStep.Accept, CallPriorities, [.. all.Take(3), new("WSE-LR4", null, "Nog te bekijken")]);
        Assert.Equal("priorities[3].sufficient", Assert.Single(unjudged.Errors).Field);
    }

    private static AnnualReport Report(bool bbc)
    {
        var report = AnnualReport.Start(1, 7, 3, 2023, bbc,
        [
            new ReportedAction { Position = 1, Code = "WSE-LR1", ShortDescription = "Omgevingsanalyse", PlannedAmount = Money.FromEuros(1_000), Cost = Money.FromEuros(1_250), Outcome = ReportOutcome.CarriedOut },
            new ReportedAction { Position = 2, Code = "WSE-LR4", ShortDescription = "Jobbeurs", PlannedAmount = Money.FromEuros(500), Outcome = ReportOutcome.NotCarriedOut, NotCarriedOutReason = "Geannuleerd" },
        ], new DateTime(2024, 1, 5, 9, 0, 0, DateTimeKind.Utc));
        report.Submit(new DateTime(2024, 6, 28, 14, 0, 0, DateTimeKind.Utc));
        return report;
    }

    [Fact]
    public void TheReceipt_StatesTheFingerprintOfWhatWasHandedIn_AndWhetherItWasOnTime()
    {
        var report = Report(bbc: false);
        Assert.Equal(ReportContent.Sha256(report), report.SubmittedSha256);
        var receipt = new ReportReceipt(report.Id, 7, "Regie Gent", 3, "LR-2023-2025", 2023, report.SubmittedVersions, report.SubmittedAtUtc!.Value, Due, ReportTiming.OnTime, report.SubmittedSha256!);
        var text = string.Join(" ", PdfText.Read(ReportPdf.Receipt(receipt, report)).AllLines);
        Assert.Contains("Ontvangstbewijs jaarverslag", text, StringComparison.Ordinal);
        Assert.Contains("28/06/2024 om 16:00", text, StringComparison.Ordinal);
        Assert.Contains("30/06/2024: tijdig ingediend", text, StringComparison.Ordinal);
        Assert.Contains("1.250,00", text, StringComparison.Ordinal);
        Assert.Contains(report.SubmittedSha256![..16], text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Another cost is another fingerprint.
        report.Actions[0].Cost = Money.FromEuros(1_251);
        Assert.NotEqual(receipt.Sha256, ReportContent.Sha256(report));
    }

    [Fact]
    public void TheDecision_OnARefusal_NamesThePriorities_TheMotivation_AndTheConsequences()
    {
        var report = Report(bbc: true);
        Assert.Throws<ArgumentException>(() => ReportPdf.Decision(report, "Regie Gent", "LR-2023-2025"));
        report.Evaluate(ReportStatus.NotUsedForPurpose, "De jobbeurs, de enige actie van WSE-LR4, vond niet plaats.", null,
            [new PriorityEvaluation { Code = "WSE-LR1", Sufficient = true }, new PriorityEvaluation { Code = "WSE-LR4", Sufficient = false, Remarks = "Geen enkele actie." }],
            new DateTime(2024, 9, 2, 8, 0, 0, DateTimeKind.Utc));
        var text = string.Join(" ", PdfText.Read(ReportPdf.Decision(report, "Regie Gent", "LR-2023-2025")).AllLines);
        Assert.Contains("RK-JV-2023-0007-1", text, StringComparison.Ordinal);
        Assert.Contains("niet aangewend voor het doel", text, StringComparison.Ordinal);
        Assert.Contains("onvoldoende", text, StringComparison.Ordinal);
        Assert.Contains("Geen enkele actie.", text, StringComparison.Ordinal);
        Assert.Contains("teruggevorderd", text, StringComparison.Ordinal);
        Assert.Contains("02/09/2024", text, StringComparison.Ordinal);
    }
}
