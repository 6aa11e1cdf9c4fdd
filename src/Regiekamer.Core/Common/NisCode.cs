using System.Diagnostics.CodeAnalysis;

namespace Regiekamer.Core.Common;

/// <summary>A Statbel REFNIS code of a municipality: five digits, never starting with 0.</summary>
public readonly record struct NisCode : IComparable<NisCode>
{
    private NisCode(string value) => Value = value;

    public string Value { get; }

    public static NisCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a NIS code (five digits).");

    public static bool TryParse([NotNullWhen(true)] string? value, out NisCode code)
    {
        code = default;
        if (value is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length != 5 || trimmed[0] == '0' || !trimmed.All(char.IsAsciiDigit))
        {
            return false;
        }

        code = new NisCode(trimmed);
        return true;
    }

    public int CompareTo(NisCode other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(NisCode left, NisCode right) => left.CompareTo(right) < 0;

    public static bool operator <=(NisCode left, NisCode right) => left.CompareTo(right) <= 0;

    public static bool operator >(NisCode left, NisCode right) => left.CompareTo(right) > 0;

    public static bool operator >=(NisCode left, NisCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? string.Empty;
}
