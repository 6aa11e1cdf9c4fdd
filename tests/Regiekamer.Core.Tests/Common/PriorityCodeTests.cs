using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class PriorityCodeTests
{
    [Theory]
    [InlineData("WSE-LR1", 1)]
    [InlineData("wse-lr2", 2)]
    [InlineData("  WSE-LR3\t", 3)]
    [InlineData("Wse-Lr4", 4)]
    public void TryParse_FourCodes_IgnoringCaseAndSpaces(string text, int number)
    {
        Assert.True(PriorityCode.TryParse(text, out var code));
        Assert.Equal(number, code.Number);
        Assert.Equal($"WSE-LR{number}", code.Value);
        Assert.Equal(PriorityCode.All[number - 1], code);
        Assert.Equal(code, PriorityCode.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WSE-LR0")]
    [InlineData("WSE-LR5")]
    [InlineData("WSE-LR12")]
    [InlineData("WSE LR1")]
    [InlineData("WSELR1")]
    [InlineData("LR1")]
    [InlineData("LSEVBP01")]
    public void TryParse_AnythingElse_Fails(string? text)
    {
        Assert.False(PriorityCode.TryParse(text, out var code));
        Assert.Equal("", code.Value);
    }

    [Theory]
    [InlineData("LSEVBP01", true)]
    [InlineData(" lsevbp01 ", true)]
    [InlineData("LSEVBP02", false)]
    [InlineData("WSE-LR1", false)]
    public void IsLapsed_OnlyTheOldCode(string text, bool lapsed) => Assert.Equal(lapsed, PriorityCode.IsLapsed(text));

    [Fact]
    public void All_InOrder_EachWithATitleInBothLanguages()
    {
        Assert.Equal(["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"], PriorityCode.All.Select(p => p.Value));
        Assert.True(PriorityCode.Lr1 < PriorityCode.Lr4);
        Assert.All(PriorityCode.All, p => Assert.False(string.IsNullOrEmpty(p.Title.Nl) || string.IsNullOrEmpty(p.Title.En)));
        Assert.Equal("LSEVBP01", PriorityCode.Lapsed);
    }
}
