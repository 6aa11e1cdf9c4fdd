using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class MoneyTests
{
    [Theory]
    [InlineData(3_500_000L, "35.000,00", "35,000.00")]
    [InlineData(300_000_000L, "3.000.000,00", "3,000,000.00")]
    [InlineData(222_500_000L, "2.225.000,00", "2,225,000.00")]
    [InlineData(148_548_388L, "1.485.483,88", "1,485,483.88")]
    [InlineData(0L, "0,00", "0.00")]
    [InlineData(5L, "0,05", "0.05")]
    [InlineData(99_999L, "999,99", "999.99")]
    [InlineData(-150L, "-1,50", "-1.50")]
    public void ToDisplayString_UsesTheBelgianOrEnglishSeparators(long cents, string dutch, string english)
    {
        Assert.Equal(dutch, new Money(cents).ToDisplayString(Formats.Dutch));
        Assert.Equal(english, new Money(cents).ToDisplayString(Formats.English));
    }

    [Theory]
    [InlineData(3_500_000L, "35000.00")]
    [InlineData(300_000_000L, "3000000.00")]
    [InlineData(5L, "0.05")]
    [InlineData(-150L, "-1.50")]
    public void ToInvariantString_HasADotAndNoGrouping(long cents, string expected)
    {
        Assert.Equal(expected, new Money(cents).ToInvariantString());
        Assert.Equal(expected, new Money(cents).ToString());
    }

    [Theory]
    [InlineData("3000000", 300_000_000L)]
    [InlineData("3000000.50", 300_000_050L)]
    [InlineData("3000000.5", 300_000_050L)]
    [InlineData("0.01", 1L)]
    [InlineData("0", 0L)]
    [InlineData("12.", 1_200L)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void TryParseInvariant_WholeCents_Succeeds(string text, long cents)
    {
        Assert.True(Money.TryParseInvariant(text, out var money));
        Assert.Equal(cents, money.Cents);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("drie miljoen")]
    [InlineData("0.005")] // more than two decimals is refused, not rounded
    [InlineData("1.999")]
    [InlineData("3.000.000,00")] // the display form is not an input form
    [InlineData("3,000,000.00")]
    [InlineData("35000,00")]
    [InlineData("-5")]
    [InlineData("1e6")]
    [InlineData("92233720368547758.08")] // one cent more than fits in a long
    public void TryParseInvariant_AnythingElse_Fails(string? text)
    {
        Assert.False(Money.TryParseInvariant(text, out var money));
        Assert.Equal(Money.Zero, money);
    }

    [Fact]
    public void FromEuros_IsWholeEurosInCents()
    {
        Assert.Equal(300_000_000, Money.FromEuros(3_000_000).Cents);
        Assert.Equal(3_000_000m, Money.FromEuros(3_000_000).Euros);
        Assert.Throws<OverflowException>(() => Money.FromEuros(long.MaxValue / 10));
    }

    [Fact]
    public void Arithmetic_IsExactAndChecked()
    {
        var a = new Money(10);
        var b = new Money(3);

        Assert.Equal(new Money(13), a + b);
        Assert.Equal(new Money(7), a - b);
        Assert.Equal(new Money(13), a.Add(b));
        Assert.Equal(new Money(-7), b.Subtract(a));
        Assert.True(a > b && b < a && a >= new Money(10) && b <= a);
        Assert.True(a.CompareTo(b) > 0);
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
    }
}
