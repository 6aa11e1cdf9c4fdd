using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class IbanTests
{
    [Theory]
    [InlineData("BE68 5390 0754 7034", "BE68539007547034", "BE68 5390 0754 7034")]
    [InlineData("be71096123456769", "BE71096123456769", "BE71 0961 2345 6769")]
    [InlineData("BE43 0689 9999 9501", "BE43068999999501", "BE43 0689 9999 9501")]
    [InlineData("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606", "FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("DE89370400440532013000", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [InlineData(" LU28 0019 4006 4475 0000 ", "LU280019400644750000", "LU28 0019 4006 4475 0000")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32")]
    [InlineData("SA03 8000 0000 6080 1016 7519", "SA0380000000608010167519", "SA03 8000 0000 6080 1016 7519")] // not in our table: 15-34 characters
    public void TryParse_RealExamples(string text, string compact, string display)
    {
        Assert.True(Iban.TryParse(text, out var iban));
        Assert.Equal(compact, iban.Value);
        Assert.Equal(display, iban.ToDisplayString());
        Assert.Equal(compact[..2], iban.Country);
        Assert.Equal(iban, Iban.Parse(text));
    }

    [Theory]
    [InlineData("BE68 5390 0754 7035")] // last digit changed
    [InlineData("BE86 5390 0754 7034")] // check digits swapped
    [InlineData("NL91 ABNA 0417 1643 01")]
    [InlineData("DE89 3704 0044 0532 0130 01")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 607")]
    public void TryParse_WrongChecksum_Fails(string text) => Assert.False(Iban.TryParse(text, out _));

    [Fact]
    public void TryParse_BelgianAccountWithWrongNationalCheck_Fails()
    {
        // ISO 13616 check digits are right (41), but 5390075470 mod 97 is 34, not 35.
        Assert.False(Iban.TryParse("BE41 5390 0754 7035", out _));
    }

    [Theory]
    [InlineData("BE68 5390 0754 703")] // 15 characters, Belgium has 16
    [InlineData("BE68 5390 0754 7034 0")] // 17
    [InlineData("NL58 ABNA 0417 1643 0")] // 17, the Netherlands has 18 (checksum right for these characters)
    [InlineData("LU28 0019 4006 4475 000")] // 19, Luxembourg has 20
    public void TryParse_WrongLengthForTheCountry_Fails(string text) => Assert.False(Iban.TryParse(text, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BE")]
    [InlineData("1234 5390 0754 7034")]
    [InlineData("BEXX 5390 0754 7034")]
    [InlineData("BE68-5390-0754-7034")]
    [InlineData("BE68 5390 0754 7034 ÷")]
    [InlineData("XX00 1234 5678 9012 3456 7890 1234 5678 901")] // 35 characters
    [InlineData("not an iban at all")]
    public void TryParse_Junk_Fails(string? text)
    {
        Assert.False(Iban.TryParse(text, out var iban));
        Assert.Equal(default, iban);
        Assert.Equal("", iban.ToDisplayString());
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() => Assert.Throws<FormatException>(() => Iban.Parse("BE68 5390 0754 7035"));
}
