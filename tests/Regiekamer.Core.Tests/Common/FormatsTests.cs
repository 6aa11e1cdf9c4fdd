using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class FormatsTests
{
    [Theory]
    [InlineData(57_812L, "57.812", "57,812")]
    [InlineData(60_000L, "60.000", "60,000")]
    [InlineData(6_629_143L, "6.629.143", "6,629,143")]
    [InlineData(999L, "999", "999")]
    [InlineData(0L, "0", "0")]
    public void Count_GroupsThousands(long value, string dutch, string english)
    {
        Assert.Equal(dutch, Formats.Count(value, Formats.Dutch));
        Assert.Equal(english, Formats.Count(value, Formats.English));
    }

    [Fact]
    public void Dates_UseTheBelgianOrder()
    {
        Assert.Equal("15/01/2023", Formats.Date(new DateOnly(2023, 1, 15)));
        Assert.Equal("1/1/2020", Formats.ShortDate(new DateOnly(2020, 1, 1)));
        Assert.Equal("31/12/2025", Formats.ShortDate(new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Percent_HasOneDecimal()
    {
        Assert.Equal("88,9%", Formats.Percent(0.8888m, Formats.Dutch));
        Assert.Equal("78.7%", Formats.Percent(0.7869m, Formats.English));
    }

    [Fact]
    public void Bilingual_PicksTheLanguageOfTheCulture()
    {
        var text = new Bilingual("gemeente", "municipality");

        Assert.Equal("gemeente", text.For(Formats.Dutch));
        Assert.Equal("gemeente", text.For(System.Globalization.CultureInfo.GetCultureInfo("nl-NL")));
        Assert.Equal("municipality", text.For(Formats.English));
        Assert.Equal("gemeente", text.ToString());
    }
}
