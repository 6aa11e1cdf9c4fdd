using System.Globalization;
using System.Numerics;

namespace Regiekamer.Core.Tests.TestSupport;

/// <summary>An exact non-negative rational number, always in lowest terms with a positive denominator.</summary>
internal readonly record struct Fraction
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign == 0)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = gcd.IsZero ? numerator : numerator / gcd;
        Denominator = gcd.IsZero ? denominator : denominator / gcd;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction Zero => new(0, 1);

    public static Fraction Of(BigInteger whole) => new(whole, 1);

    public static Fraction operator +(Fraction a, Fraction b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static int Compare(Fraction a, Fraction b) => (a.Numerator * b.Denominator).CompareTo(b.Numerator * a.Denominator);

    /// <summary>The largest whole number not above this (this is never negative here).</summary>
    public BigInteger Floor() => BigInteger.Divide(Numerator, Denominator);

    /// <summary>Nearest whole number; exactly halfway goes to the even neighbour.</summary>
    public BigInteger RoundHalfEven()
    {
        var floor = Floor();
        var twiceRemainder = 2 * (Numerator - (floor * Denominator));
        var cmp = twiceRemainder.CompareTo(Denominator);
        return cmp > 0 || (cmp == 0 && !floor.IsEven) ? floor + 1 : floor;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
