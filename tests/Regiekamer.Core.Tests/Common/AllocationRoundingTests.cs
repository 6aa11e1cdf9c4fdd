using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

public class AllocationRoundingTests
{
    [Theory]
    [InlineData(5L, 2L, 2L)] // 2.5 → 2
    [InlineData(7L, 2L, 4L)] // 3.5 → 4
    [InlineData(1L, 2L, 0L)] // 0.5 → 0
    [InlineData(3L, 2L, 2L)] // 1.5 → 2
    [InlineData(1L, 3L, 0L)]
    [InlineData(2L, 3L, 1L)]
    [InlineData(6L, 3L, 2L)]
    [InlineData(0L, 7L, 0L)]
    [InlineData(4_500L, 1_000L, 4L)] // 4.5 → 4
    [InlineData(13_500L, 1_000L, 14L)] // 13.5 → 14
    public void DivideHalfEven_RoundsHalvesToTheEvenNeighbour(long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, AllocationRounding.DivideHalfEven(numerator, denominator));
    }

    [Fact]
    public void DivideHalfEven_AgreesWithDecimalRoundingToEven()
    {
#pragma warning disable CA5394 // Deterministic test data.
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            var numerator = random.NextInt64(0, 1_000_000_000);
            var denominator = random.Next(1, 2_000);
            Assert.Equal((long)Math.Round((decimal)numerator / denominator, MidpointRounding.ToEven), AllocationRounding.DivideHalfEven(numerator, denominator));
        }
#pragma warning restore CA5394
    }
}
