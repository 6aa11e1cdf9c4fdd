using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class NisCodeTests
{
    [Theory]
    [InlineData("44021", "44021")]
    [InlineData(" 11002 ", "11002")]
    [InlineData("73109", "73109")]
    public void TryParse_FiveDigits_Succeeds(string text, string expected)
    {
        Assert.True(NisCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
        Assert.Equal(code, NisCode.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("4402")]
    [InlineData("440210")]
    [InlineData("04021")]
    [InlineData("4402a")]
    [InlineData("44 21")]
    [InlineData("-4402")]
    [InlineData("44.02")]
    [InlineData("٤٤٠٢١")] // Arabic-Indic digits are digits, but not ASCII ones.
    public void TryParse_AnythingElse_Fails(string? text)
    {
        Assert.False(NisCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheValue()
    {
        var ex = Assert.Throws<FormatException>(() => NisCode.Parse("4402a"));

        Assert.Contains("'4402a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_CompareAndEqualByValue()
    {
        var gent = NisCode.Parse("44021");
        var aalst = NisCode.Parse("41002");

        Assert.Equal(NisCode.Parse(" 44021"), gent);
        Assert.True(aalst < gent);
        Assert.True(gent > aalst);
        Assert.True(gent >= NisCode.Parse("44021"));
        Assert.True(aalst <= gent);
        Assert.Equal(["11002", "41002", "44021"], new[] { gent, NisCode.Parse("11002"), aalst }.Order().Select(c => c.Value));
        Assert.Equal(string.Empty, default(NisCode).ToString());
    }
}
