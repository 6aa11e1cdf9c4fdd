using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class KboNumberTests
{
    [Theory]
    [InlineData("0207.000.077", "0207000077")]
    [InlineData("0207 000 077", "0207000077")]
    [InlineData("BE0207000077", "0207000077")]
    [InlineData("be 0207.000.077", "0207000077")]
    [InlineData(" 0202.239.951 ", "0202239951")] // Proximus
    [InlineData("0316.380.940", "0316380940")] // Vlaamse Gemeenschap
    [InlineData("0462920226", "0462920226")] // KBC Bank
    [InlineData("BE 0207.451.227", "0207451227")] // Stad Gent
    [InlineData("1207.000.001", "1207000001")] // the 1-series: 97 − (12070000 mod 97) = 1
    public void TryParse_RealNumbers_InEveryNotation(string text, string digits)
    {
        Assert.True(KboNumber.TryParse(text, out var number));
        Assert.Equal(digits, number.Value);
        Assert.Equal($"{digits[..4]}.{digits[4..7]}.{digits[7..]}", number.ToDisplayString());
        Assert.Equal(number, KboNumber.Parse(text));
    }

    [Theory]
    [InlineData("0207.000.078")] // check digits off by one
    [InlineData("0207.000.076")]
    [InlineData("0202.239.915")] // check digits swapped
    [InlineData("0207.001.077")] // a digit of the body changed
    public void TryParse_WrongCheckDigits_Fails(string text) => Assert.False(KboNumber.TryParse(text, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("207.000.077")] // nine digits
    [InlineData("02070000770")] // eleven
    [InlineData("2207.000.022")] // 97 − (22070000 mod 97) = 22 is right, but enterprise numbers start with 0 or 1
    [InlineData("0207-000-077")]
    [InlineData("0207..000.077")]
    [InlineData("0207  000 077")]
    [InlineData(".0207000077")]
    [InlineData("0207000077.")]
    [InlineData("NL0207000077")]
    [InlineData("BE")]
    [InlineData("abcdefghij")]
    [InlineData("٠٢٠٧٠٠٠٠٧٧")] // Arabic-Indic digits
    public void TryParse_Junk_Fails(string? text)
    {
        Assert.False(KboNumber.TryParse(text, out var number));
        Assert.Equal(default, number);
    }

    [Fact]
    public void CheckDigits97_WhenTheBodyIsAMultipleOf97()
    {
        // 00000097 mod 97 = 0, so the check is 97 − 0 = 97.
        Assert.True(KboNumber.TryParse("0000.009.797", out var number));
        Assert.Equal("0000009797", number.Value);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheValue()
    {
        var ex = Assert.Throws<FormatException>(() => KboNumber.Parse("0207.000.078"));

        Assert.Contains("'0207.000.078'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_CompareByDigits()
    {
        var gent = KboNumber.Parse("0207.451.227");
        var proximus = KboNumber.Parse("0202.239.951");

        Assert.True(proximus < gent);
        Assert.Equal(gent, KboNumber.Parse("BE0207451227"));
        Assert.Equal("", default(KboNumber).ToDisplayString());
    }
}
