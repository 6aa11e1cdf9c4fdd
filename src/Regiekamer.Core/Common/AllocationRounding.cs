namespace Regiekamer.Core.Common;

public static class AllocationRounding
{
    /// <summary>numerator / denominator rounded to the nearest whole number, halves to the even neighbour. Denominator &gt; 0, numerator ≥ 0.</summary>
    public static long DivideHalfEven(long numerator, long denominator)
    {
        var q = Math.DivRem(numerator, denominator, out var r);
        var twice = r * 2;
        if (twice > denominator || (twice == denominator && q % 2 != 0))
        {
            q++;
        }

        return q;
    }
}
