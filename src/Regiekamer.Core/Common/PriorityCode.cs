using System.Diagnostics.CodeAnalysis;

namespace Regiekamer.Core.Common;

/// <summary>
/// One of the four Flemish policy priorities of the call 2023-2025 (R9), as the external reporting code an action
/// carries in BBC: WSE-LR1 … WSE-LR4. Read case-insensitively and trimmed; <see cref="Value"/> is upper case.
/// </summary>
public readonly record struct PriorityCode : IComparable<PriorityCode>
{
    /// <summary>R12: the old reporting code, lapsed from 2023.</summary>
    public const string Lapsed = "LSEVBP01";

    private static readonly string[] Values = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    private static readonly Bilingual[] Titles =
    [
        new("de lokale regierol sociale economie en werk opnemen", "taking up the local director role for social economy and work"),
        new("tewerkstelling van mensen met een afstand tot de arbeidsmarkt", "employment of people at a distance from the labour market"),
        new("(sociaal) ondernemerschap en maatschappelijk verantwoord ondernemen", "(social) entrepreneurship and corporate social responsibility"),
        new("samenwerking met VDAB en andere lokale arbeidsmarktactoren", "cooperation with VDAB and other local labour-market actors"),
    ];

    private PriorityCode(int number) => Number = number;

    public static PriorityCode Lr1 { get; } = new(1);

    public static PriorityCode Lr2 { get; } = new(2);

    public static PriorityCode Lr3 { get; } = new(3);

    public static PriorityCode Lr4 { get; } = new(4);

    /// <summary>WSE-LR1 to WSE-LR4, in order.</summary>
    public static IReadOnlyList<PriorityCode> All { get; } = [Lr1, Lr2, Lr3, Lr4];

    /// <summary>1 to 4 (0 for the default value, which is no code).</summary>
    public int Number { get; }

    /// <summary>"WSE-LR1" … "WSE-LR4".</summary>
    public string Value => Number is >= 1 and <= 4 ? Values[Number - 1] : string.Empty;

    /// <summary>What the priority is about, in a few words (R9).</summary>
    public Bilingual Title => Number is >= 1 and <= 4 ? Titles[Number - 1] : new Bilingual("", "");

    public static PriorityCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a priority code (WSE-LR1 to WSE-LR4).");

    public static bool TryParse([NotNullWhen(true)] string? value, out PriorityCode code) => TryParse(value.AsSpan(), out code) && value is not null;

    /// <summary>Reads "WSE-LR1" … "WSE-LR4", ignoring case and surrounding white space, without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out PriorityCode code)
    {
        code = default;
        var text = value.Trim();
        if (text.Length != 7 || !text.StartsWith("WSE-LR", StringComparison.OrdinalIgnoreCase) || text[6] is < '1' or > '4')
        {
            return false;
        }

        code = new PriorityCode(text[6] - '0');
        return true;
    }

    /// <summary>R12: whether <paramref name="value"/> is the lapsed code LSEVBP01 (case and white space ignored).</summary>
    public static bool IsLapsed(ReadOnlySpan<char> value) => value.Trim().Equals(Lapsed, StringComparison.OrdinalIgnoreCase);

    public int CompareTo(PriorityCode other) => Number.CompareTo(other.Number);

    public static bool operator <(PriorityCode left, PriorityCode right) => left.Number < right.Number;

    public static bool operator <=(PriorityCode left, PriorityCode right) => left.Number <= right.Number;

    public static bool operator >(PriorityCode left, PriorityCode right) => left.Number > right.Number;

    public static bool operator >=(PriorityCode left, PriorityCode right) => left.Number >= right.Number;

    public override string ToString() => Value;
}
