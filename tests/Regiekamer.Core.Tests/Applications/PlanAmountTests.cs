using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Applications;

public class PlanAmountTests
{
    [Theory]
    [InlineData("35.000,00", 3_500_000)] // nl-BE, as in the annex of seed 003
    [InlineData("1.500", 150_000)] // a dot and three digits: thousands
    [InlineData("1.500.000", 150_000_000)]
    [InlineData("0", 0)]
    [InlineData("0,00", 0)]
    [InlineData("35000.00", 3_500_000)] // plain
    [InlineData("35000", 3_500_000)]
    [InlineData("1.5", 150)] // a dot and one or two digits: decimals
    [InlineData("1.50", 150)]
    [InlineData("0.5", 50)]
    [InlineData("1,5", 150)] // a comma is always the decimal separator
    [InlineData("1,500", 150)] // … also before three digits (1.5 with trailing zeros)
    [InlineData("500,00", 50_000)]
    [InlineData("1.500,5", 150_050)]
    [InlineData("1.500.50", 150_050)] // thousands, then a decimal point
    [InlineData(" 2.500,00 ", 250_000)]
    [InlineData("€ 2.500,00", 250_000)]
    [InlineData("2.500,00 €", 250_000)]
    [InlineData("-0", 0)]
    [InlineData("99999999999,99", PlanAmount.MaxCents)]
    public void TryParse_Reads(string text, long cents)
    {
        Assert.Equal(PlanAmountProblem.None, PlanAmount.TryParse(text, out var amount));
        Assert.Equal(new Money(cents), amount);
    }

    [Theory]
    [InlineData("-5", PlanAmountProblem.Negative)]
    [InlineData("-1.500,00", PlanAmountProblem.Negative)]
    [InlineData("\u22125", PlanAmountProblem.Negative)] // the minus sign
    [InlineData("abc", PlanAmountProblem.Unreadable)]
    [InlineData("", PlanAmountProblem.Unreadable)]
    [InlineData("  ", PlanAmountProblem.Unreadable)]
    [InlineData("1,2,3", PlanAmountProblem.Unreadable)]
    [InlineData("35000.123", PlanAmountProblem.Unreadable)] // three digits after a dot are thousands, but 35000 is no group
    [InlineData("1.5000", PlanAmountProblem.Unreadable)]
    [InlineData("0.500", PlanAmountProblem.Unreadable)] // thousands after a leading 0: ambiguous
    [InlineData("1..500", PlanAmountProblem.Unreadable)]
    [InlineData(".50", PlanAmountProblem.Unreadable)]
    [InlineData("1.", PlanAmountProblem.Unreadable)]
    [InlineData("1,", PlanAmountProblem.Unreadable)]
    [InlineData("1 500", PlanAmountProblem.Unreadable)]
    [InlineData("1e5", PlanAmountProblem.Unreadable)]
    [InlineData("+5", PlanAmountProblem.Unreadable)]
    [InlineData("٥", PlanAmountProblem.Unreadable)] // an Arabic-Indic digit
    [InlineData("1,005", PlanAmountProblem.TooManyDecimals)]
    [InlineData("0,001", PlanAmountProblem.TooManyDecimals)]
    [InlineData("100000000000", PlanAmountProblem.TooLarge)]
    [InlineData("999999999999999", PlanAmountProblem.TooLarge)]
    [InlineData("9999999999999999999999", PlanAmountProblem.Unreadable)]
    public void TryParse_Refuses(string text, PlanAmountProblem problem) => Assert.Equal(problem, PlanAmount.TryParse(text, out _));

    [Fact]
    public void TryParse_TrailingZeroDecimals_AreNotMoreThanTwo() =>
        Assert.Equal((PlanAmountProblem.None, new Money(150)), (PlanAmount.TryParse("1,5000", out var amount), amount));

    [Theory]
    [InlineData(35000d, 3_500_000)]
    [InlineData(35000.5d, 3_500_050)]
    [InlineData(0d, 0)]
    [InlineData(0.07d, 7)]
    [InlineData(123456789.12d, 12_345_678_912)]
    public void FromNumber_IsExact(double number, long cents)
    {
        Assert.Equal(PlanAmountProblem.None, PlanAmount.FromNumber(number, out var amount));
        Assert.Equal(new Money(cents), amount);
    }

    [Fact]
    public void FromNumber_ReadsTheNumberTheSpreadsheetShows()
    {
        // Stored as 0.30000000000000004 after =0.1+0.2; Excel shows 0.3 (15 significant digits), and so do we.
        Assert.Equal((PlanAmountProblem.None, new Money(30)), (PlanAmount.FromNumber(0.1 + 0.2, out var amount), amount));
    }

    [Theory]
    [InlineData(1.005d, PlanAmountProblem.TooManyDecimals)]
    [InlineData(0.0000001d, PlanAmountProblem.TooManyDecimals)]
    [InlineData(-5d, PlanAmountProblem.Negative)]
    [InlineData(1e11, PlanAmountProblem.TooLarge)]
    [InlineData(double.NaN, PlanAmountProblem.Unreadable)]
    [InlineData(double.PositiveInfinity, PlanAmountProblem.Unreadable)]
    public void FromNumber_Refuses(double number, PlanAmountProblem problem) => Assert.Equal(problem, PlanAmount.FromNumber(number, out _));

    [Fact]
    public void Format_IsNlBe() => Assert.Equal("35.000,00", PlanAmount.Format(new Money(3_500_000)));
}
