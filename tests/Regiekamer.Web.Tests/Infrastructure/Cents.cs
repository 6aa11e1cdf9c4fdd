using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Regiekamer.Web.Tests.Infrastructure;

/// <summary>The API writes amounts as exact strings in euros ("1234.56"); tests read them as integer cents.</summary>
public static partial class Cents
{
    public static long Parse(JsonNode? node)
    {
        var text = (string?)node ?? throw new Xunit.Sdk.XunitException("An amount is missing.");
        Assert.True(AmountFormat().IsMatch(text), $"Amount '{text}' is not in the form 1234.56.");
        return long.Parse(text.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex AmountFormat();
}
