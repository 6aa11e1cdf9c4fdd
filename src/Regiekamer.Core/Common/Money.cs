using System.Globalization;

namespace Regiekamer.Core.Common;

/// <summary>An amount in euros held as whole cents. Never floating point (see docs/adr/0003-money.md).</summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    public static Money Zero => new(0);

    public static Money FromEuros(long euros) => new(checked(euros * 100));

    /// <summary>Parses "3000000", "3000000.50" (dot decimal, as on the CLI and in the API). More than two decimals is an error, not a rounding.</summary>
    /// <summary>An amount as <see cref="ToInvariantString"/> writes it ("35000.00"); a malformed one is a bug.</summary>
    public static Money ParseInvariant(string text) => TryParseInvariant(text, out var money) ? money : throw new FormatException($"'{text}' is not an amount in euros.");

    public static bool TryParseInvariant(string? text, out Money money)
    {
        money = Zero;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros))
        {
            return false;
        }

        var cents = euros * 100;
        if (cents != decimal.Truncate(cents) || cents > long.MaxValue)
        {
            return false;
        }

        money = new Money((long)cents);
        return true;
    }

    public decimal Euros => Cents / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));

    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));

    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;

    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;

    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;

    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    /// <summary>"3000000.00": dot decimal, no thousands separator (CSV and JSON).</summary>
    public string ToInvariantString() => Euros.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"3.000.000,00" (nl-BE) or "3,000,000.00" (en).</summary>
    public string ToDisplayString(CultureInfo culture) => Euros.ToString("#,##0.00", Formats.NumberFormat(culture));

    public override string ToString() => ToInvariantString();
}
