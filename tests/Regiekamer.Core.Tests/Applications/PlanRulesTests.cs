using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Tests.TestSupport;
using static Regiekamer.Core.Tests.TestSupport.Plans;

namespace Regiekamer.Core.Tests.Applications;

public class PlanRulesTests
{
    [Fact]
    public void EveryPriorityEveryYear_IsValid_WithTheGridAndTotals()
    {
        var actions = EveryPriority(euros: 1_000);
        actions.Add(Action("WSE-LR1", euros: 2_500) with { Amounts = Amounts(new Dictionary<int, long> { [2023] = 250_001 }) });

        var check = PlanRules.Check(actions, Period);

        Assert.True(check.Valid);
        Assert.Empty(check.Findings);
        Assert.Equal(2, check.Actions(2023, PriorityCode.Lr1));
        Assert.Equal(1, check.Actions(2024, PriorityCode.Lr1));
        Assert.Equal(new Money(100_000 + 250_001), check.Amount(2023, PriorityCode.Lr1));
        Assert.Equal(new Money(4 * 100_000 + 250_001), check.Total(2023));
        Assert.Equal(new Money(4 * 100_000), check.Total(2025));
        Assert.Equal(12, check.Coverage.Count);
        Assert.Equal(check.Total(2024), check.Coverage.Where(c => c.Year == 2024).Aggregate(Money.Zero, (sum, c) => sum + c.Amount));
    }

    [Fact]
    public void R10_MissingCell_IsOneViolationWithoutRow_NamingPriorityAndYear()
    {
        var actions = EveryPriority();
        actions[2] = actions[2] with { Amounts = Amounts(new Dictionary<int, long> { [2023] = 100, [2025] = 100 }) }; // WSE-LR3 skips 2024

        var check = PlanRules.Check(actions, Period);

        var finding = Assert.Single(check.Findings);
        Assert.Equal((Rules.R10, FindingSeverity.Violation, (int?)null, (string?)null), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.Contains("WSE-LR3", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("2024", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("WSE-LR3", finding.Message.En, StringComparison.Ordinal);
        Assert.Contains("2024", finding.Message.En, StringComparison.Ordinal);
        Assert.StartsWith("R10: geen enkele actie", finding.Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith("R10: no action", finding.Message.En, StringComparison.Ordinal);
        Assert.False(check.Valid);
        Assert.Equal(0, check.Actions(2024, PriorityCode.Lr3));
    }

    [Fact]
    public void R10_ZeroAmount_CountsAsRunning()
    {
        var check = PlanRules.Check(EveryPriority(euros: 0), Period);

        Assert.True(check.Valid);
        Assert.All(check.Coverage, cell => Assert.Equal((1, Money.Zero), (cell.Actions, cell.Amount)));
    }

    [Fact]
    public void R10_EmptyPlan_MissesEveryCell_InYearThenPriorityOrder()
    {
        var check = PlanRules.Check([], Period);

        Assert.Equal(12, check.Violations);
        Assert.All(check.Findings, f => Assert.Equal(Rules.R10, f.Rule));
        var cells = Period.Years.SelectMany(y => PriorityCode.All.Select(p => (Priority: p.Value, Year: y))).ToList();
        Assert.Equal(cells.Count, check.Findings.Count);
        foreach (var (finding, cell) in check.Findings.Zip(cells))
        {
            Assert.Contains($"code {cell.Priority} (", finding.Message.Nl, StringComparison.Ordinal);
            Assert.Contains($") in {cell.Year}.", finding.Message.Nl, StringComparison.Ordinal);
            Assert.Contains($"code {cell.Priority} (", finding.Message.En, StringComparison.Ordinal);
            Assert.Contains($") in {cell.Year}.", finding.Message.En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void R10_ActionsWithABadCode_DoNotCover()
    {
        var actions = EveryPriority();
        actions[3] = actions[3] with { Code = "WSE-LR5" };

        var check = PlanRules.Check(actions, Period);

        Assert.Equal(3, check.Findings.Count(f => f.Rule == Rules.R10 && f.Message.En.Contains("WSE-LR4", StringComparison.Ordinal)));
        Assert.Equal(Period.Years.Select(_ => new Money(400_000)), Period.Years.Select(check.Total)); // the total still counts it
        Assert.Equal(new Money(300_000), PriorityCode.All.Aggregate(Money.Zero, (sum, p) => sum + check.Amount(2023, p)));
    }

    /// <summary>Seed 003 (footnote 10) allows 4,000 characters in the short description; past 100 it is a warning (scheme.md's BBC cap), past 4,000 a violation.</summary>
    [Theory]
    [InlineData(1, true, false)]
    [InlineData(100, true, false)]
    [InlineData(101, true, true)]
    [InlineData(4_000, true, true)]
    [InlineData(4_001, false, false)]
    public void R11_ShortDescription_AWarningPast100_AViolationPast4000(int length, bool valid, bool warned)
    {
        var actions = EveryPriority();
        actions[0] = actions[0] with { ShortDescription = new string('a', length), Row = 2 };

        var check = PlanRules.Check(actions, Period);

        Assert.Equal(valid, check.Valid);
        if (!valid)
        {
            var finding = Assert.Single(check.Findings);
            Assert.Equal((Rules.R11, FindingSeverity.Violation, (int?)2, (string?)"Actie omschrijving"), (finding.Rule, finding.Severity, finding.Row, finding.Field));
            Assert.Contains(Formats.Count(length, Formats.Dutch) + " tekens", finding.Message.Nl, StringComparison.Ordinal);
            Assert.Contains("at most 4,000", finding.Message.En, StringComparison.Ordinal);
        }
        else if (warned)
        {
            var finding = Assert.Single(check.Findings);
            Assert.Equal((Rules.R11, FindingSeverity.Warning, (int?)2, (string?)"Actie omschrijving"), (finding.Rule, finding.Severity, finding.Row, finding.Field));
            Assert.Contains(Formats.Count(length, Formats.Dutch) + " tekens", finding.Message.Nl, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(check.Findings);
        }
    }

    [Fact]
    public void R11_Length_CountsCharactersNotUtf16Units()
    {
        var actions = EveryPriority();
        actions[0] = actions[0] with { ShortDescription = string.Concat(Enumerable.Repeat("🤝", 100)) }; // 200 UTF-16 units, 100 characters

        Assert.Empty(PlanRules.Check(actions, Period).Findings);

        actions[0] = actions[0] with { ShortDescription = string.Concat(Enumerable.Repeat("🤝", 101)) };
        Assert.Contains("101 tekens", Assert.Single(PlanRules.Check(actions, Period).Findings).Message.Nl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void R11_ShortDescription_IsRequired(string title)
    {
        var actions = EveryPriority();
        actions[1] = actions[1] with { ShortDescription = title, Row = 3 };

        var finding = Assert.Single(PlanRules.Check(actions, Period).Findings);

        Assert.Equal((Rules.R11, FindingSeverity.Violation, (int?)3, (string?)PlanColumns.ShortDescription), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.Contains("ontbreekt", finding.Message.Nl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlanColumns.LongDescription, 4_000, true)]
    [InlineData(PlanColumns.LongDescription, 4_001, false)]
    [InlineData(PlanColumns.Comment, 4_000, true)]
    [InlineData(PlanColumns.Comment, 4_001, false)]
    [InlineData(PlanColumns.PolicyGoal, 4_001, false)]
    [InlineData(PlanColumns.ActionPlan, 4_001, false)]
    public void R11_LongTexts_AtMost4000Characters(string field, int length, bool valid)
    {
        var text = new string('x', length);
        var actions = EveryPriority();
        actions[2] = field switch
        {
            PlanColumns.LongDescription => actions[2] with { LongDescription = text },
            PlanColumns.Comment => actions[2] with { Comment = text },
            PlanColumns.PolicyGoal => actions[2] with { PolicyGoal = text },
            _ => actions[2] with { ActionPlan = text },
        };

        var check = PlanRules.Check(actions, Period);

        Assert.Equal(valid, check.Valid);
        Assert.Equal(valid ? [] : [field], check.Findings.Select(f => f.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void R11_MissingLongDescription_IsAWarning_ThePlanStaysValid(string? text)
    {
        var actions = EveryPriority();
        actions[0] = actions[0] with { LongDescription = text, Row = 2 };

        var check = PlanRules.Check(actions, Period);

        var finding = Assert.Single(check.Findings);
        Assert.Equal((Rules.R11, FindingSeverity.Warning, (int?)2, (string?)PlanColumns.LongDescription), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.Contains("KPI", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("regisseur's role", finding.Message.En, StringComparison.Ordinal);
        Assert.True(check.Valid);
        Assert.Equal((0, 1), (check.Violations, check.Warnings));
    }

    [Theory]
    [InlineData("WSE-LR5", "'WSE-LR5' is geen code")]
    [InlineData("LR1", "'LR1' is geen code")]
    [InlineData("", "de code ontbreekt")]
    [InlineData("  ", "de code ontbreekt")]
    public void R11_UnknownOrMissingCode_IsAViolationOnCode(string code, string says)
    {
        var actions = EveryPriority();
        actions.Add(Action(code, row: 6));

        var finding = Assert.Single(PlanRules.Check(actions, Period).Findings);

        Assert.Equal((Rules.R11, FindingSeverity.Violation, (int?)6, (string?)"Code"), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.Contains(says, finding.Message.Nl, StringComparison.Ordinal);
        Assert.All(PriorityCode.All, p => Assert.Contains(p.Value, finding.Message.En, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wse-lr2")]
    [InlineData(" WSE-LR2 ")]
    public void Code_IsReadIgnoringCaseAndSpaces(string code)
    {
        var actions = EveryPriority();
        actions[1] = actions[1] with { Code = code };

        Assert.True(PlanRules.Check(actions, Period).Valid);
    }

    [Fact]
    public void R11_AmountOutsideThePeriod_IsAViolationOnItsColumn()
    {
        var actions = EveryPriority();
        actions[0] = actions[0] with { Row = 2, Amounts = Amounts(new Dictionary<int, long> { [2022] = 5, [2023] = 5, [2024] = 5, [2025] = 5, [2026] = 0 }) };

        var findings = PlanRules.Check(actions, Period).Findings;

        Assert.Equal(["Bedrag 2022", "Bedrag 2026"], findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal((Rules.R11, FindingSeverity.Violation, (int?)2), (f.Rule, f.Severity, f.Row)));
        Assert.Contains("buiten de periode van het plan (2023-2025)", findings[1].Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void R11_NegativeAmount_IsAViolation()
    {
        var actions = EveryPriority();
        actions[0] = actions[0] with { Row = 2, Amounts = Amounts(new Dictionary<int, long> { [2023] = 1, [2024] = -150_000, [2025] = 1 }) };

        var finding = Assert.Single(PlanRules.Check(actions, Period).Findings);

        Assert.Equal((Rules.R11, "Bedrag 2024"), (finding.Rule, finding.Field));
        Assert.Contains("-1.500,00", finding.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("-1,500.00", finding.Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LSEVBP01")]
    [InlineData(" lsevbp01 ")]
    public void R12_LapsedCode_SaysItLapsed_AndAsksWhichWseLrCode(string code)
    {
        var actions = EveryPriority();
        actions.Add(Action(code, row: 7));

        var check = PlanRules.Check(actions, Period);

        var finding = Assert.Single(check.Findings);
        Assert.Equal((Rules.R12, FindingSeverity.Violation, (int?)7, (string?)"Code"), (finding.Rule, finding.Severity, finding.Row, finding.Field));
        Assert.StartsWith("R12: de oude rapporteringscode LSEVBP01 is vanaf 2023 vervallen. Welke WSE-LR-code hoort bij deze actie?", finding.Message.Nl, StringComparison.Ordinal);
        Assert.StartsWith("R12: the old reporting code LSEVBP01 lapsed from 2023. Which WSE-LR code applies to this action?", finding.Message.En, StringComparison.Ordinal);
        Assert.All(PriorityCode.All, p => Assert.Contains(p.Value, finding.Message.Nl, StringComparison.Ordinal));
        Assert.False(check.Valid);
    }

    [Fact]
    public void Findings_InActionOrder_ThenR10()
    {
        var actions = new List<PlanAction>
        {
            Action("WSE-LR1", row: 2) with { ShortDescription = "" },
            Action("LSEVBP01", row: 3),
            Action("WSE-LR2", row: 4) with { LongDescription = null },
        };

        var check = PlanRules.Check(actions, Period);

        Assert.Equal(
            [(2, "R11"), (3, "R12"), (4, "R11"), (null, "R10"), (null, "R10"), (null, "R10"), (null, "R10"), (null, "R10"), (null, "R10")],
            check.Findings.Select(f => (f.Row, f.Rule)));
        Assert.Equal((8, 1), (check.Violations, check.Warnings));
    }

    [Fact]
    public void Including_PutsColumnFindingsFirst_RowFindingsByRow_ReadingFirstWithinARow()
    {
        var check = PlanRules.Check([Action("WSE-LR1", row: 2) with { ShortDescription = "" }, Action("X", row: 5)], Period);
        var column = new PlanFinding(Rules.R11, FindingSeverity.Warning, null, "Opmerking", new Bilingual("kolom", "column"));
        var row5 = new PlanFinding(Rules.R11, FindingSeverity.Violation, 5, "Bedrag 2024", new Bilingual("bedrag", "amount"));
        var row3 = new PlanFinding(Rules.R11, FindingSeverity.Violation, 3, "Bedrag 2023", new Bilingual("bedrag", "amount"));

        var merged = check.Including([column, row3, row5]);

        Assert.Equal([column, check.Findings[0], row3, row5, check.Findings[1]], merged.Findings.Take(5));
        Assert.All(merged.Findings.Skip(5), f => Assert.Equal(Rules.R10, f.Rule));
        Assert.Equal(check.Violations + 2, merged.Violations);
        Assert.Equal(check.Total(2023), merged.Total(2023));
    }

    [Fact]
    public void Grid_OutsideThePeriod_IsABug()
    {
        var check = PlanRules.Check(EveryPriority(), Period);

        Assert.Throws<ArgumentOutOfRangeException>(() => check.Total(2026));
        Assert.Throws<ArgumentOutOfRangeException>(() => check.Actions(2022, PriorityCode.Lr1));
        Assert.Throws<ArgumentOutOfRangeException>(() => check.Amount(2023, default));
    }

    [Fact]
    public void Totals_AreExactInCents()
    {
        // 0.10 + 0.20 in binary floating point is 0.30000000000000004; in cents it is 30.
        var actions = EveryPriority(euros: 0);
        actions.Add(Action("WSE-LR1") with { Amounts = Amounts(new Dictionary<int, long> { [2023] = 10 }) });
        actions.Add(Action("WSE-LR2") with { Amounts = Amounts(new Dictionary<int, long> { [2023] = 20 }) });

        Assert.Equal("0.30", PlanRules.Check(actions, Period).Total(2023).ToInvariantString());
    }

    [Theory]
    [InlineData("2023-2025", 2023, 2025)]
    [InlineData(" 2024 ", 2024, 2024)]
    [InlineData("2020-2025", 2020, 2025)]
    public void Period_Parses(string text, int first, int last)
    {
        Assert.True(PlanPeriod.TryParse(text, out var period));
        Assert.Equal(new PlanPeriod(first, last), period);
        Assert.Equal(Enumerable.Range(first, last - first + 1), period.Years);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-2023")]
    [InlineData("23-25")]
    [InlineData("2023-2025-2027")]
    [InlineData("2023/2025")]
    [InlineData("1999-2001")]
    [InlineData("2023-2040")]
    [InlineData("+2023-2025")]
    public void Period_Refuses(string? text) => Assert.False(PlanPeriod.TryParse(text, out _));
}
