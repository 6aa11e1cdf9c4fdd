namespace Regiekamer.Core.Common;

/// <summary>Free text as the services store it: trimmed, empty as null, cut at the column's length.</summary>
public static class InputText
{
    public static string? Clean(string? text, int max)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > max ? t[..max] : t;
    }
}
