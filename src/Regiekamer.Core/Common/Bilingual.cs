using System.Globalization;

namespace Regiekamer.Core.Common;

/// <summary>A text in Dutch (the working language) and English. Rule messages and UI labels carry both.</summary>
public sealed record Bilingual(string Nl, string En)
{
    public string For(CultureInfo culture) => Formats.IsDutch(culture) ? Nl : En;

    public override string ToString() => Nl;
}
