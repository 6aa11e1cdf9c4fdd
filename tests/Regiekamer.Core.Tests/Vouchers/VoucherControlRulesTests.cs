using CsCheck;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Core.Tests.Vouchers;

/// <summary>The controls' pure rules (KC9): the sample's size, the amount reclaimed, a reclaimed voucher in the budget, and the expiry of applicants' personal data.</summary>
public sealed class VoucherControlRulesTests
{
    [Fact]
    public void SampleSize_IsTheNumberGiven_OrTheShareRoundedUp_AlwaysWithinThePopulation()
    {
        Gen.Select(Gen.Int[0, 5_000], Gen.Int[-5, 6_000], Gen.Bool, Gen.Int[-5, 120], Gen.Bool).Sample((population, sizeValue, hasSize, percentValue, hasPercent) =>
        {
            int? size = hasSize ? sizeValue : null;
            int? percent = hasPercent ? percentValue : null;
            var r = VoucherControlRules.SampleSize(population, size, percent);
            var valid = population > 0 && !(size is not null && percent is not null)
                && (size is { } n ? n >= 1 && n <= population : (percent ?? VoucherControlRules.DefaultPercent) is >= 1 and <= 100);
            Assert.Equal(valid, r.IsSuccess);
            if (r.IsSuccess)
            {
                Assert.InRange(r.Value, 1, population);
                var expected = size ?? (int)Math.Ceiling(population * (percent ?? 10) / 100m);
                Assert.Equal(expected, r.Value);
            }
        });

        Assert.Equal(1, VoucherControlRules.SampleSize(6, null, null).Value);
        Assert.Equal(3, VoucherControlRules.SampleSize(21, null, null).Value);
        Assert.Equal(VoucherRules.Control, VoucherControlRules.SampleSize(0, null, null).Errors[0].Code);
    }

    [Fact]
    public void ReclaimAmount_IsMoreThanZero_AtMostThePayout_AndDefaultsToAllOfIt()
    {
        Gen.Select(Gen.Long[0, 100_000], Gen.Long[-10, 200_000], Gen.Bool).Sample((payout, askedValue, hasAsked) =>
        {
            long? asked = hasAsked ? askedValue : null;
            var r = VoucherControlRules.ReclaimAmount(new Money(payout), asked is { } a ? new Money(a) : null);
            var amount = asked ?? payout;
            Assert.Equal(amount > 0 && amount <= payout, r.IsSuccess);
            if (r.IsSuccess)
            {
                Assert.Equal(new Money(amount), r.Value);
            }
            else
            {
                Assert.Equal(("KC9", "reclaimAmount"), (r.Errors[0].Code, r.Errors[0].Field));
            }
        });
    }

    [Fact]
    public void AReclaimedVoucher_StillCountsAsPaid_SoTheBudgetAddsUpToTheCent()
    {
        var statuses = Enum.GetValues<VoucherStatus>();
        Gen.Select(Gen.Int[0, statuses.Length - 1], Gen.Long[0, 100_000]).Array[0, 40].Sample(list =>
        {
            var vouchers = list.Select(x => (statuses[x.Item1], new Money(x.Item2))).ToList();
            var b = VoucherBudget.Of(Money.FromEuros(1_000_000), 30, vouchers);
            Assert.Equal(b.Budget, b.Left + b.Reserved + b.Paid);
            Assert.Equal(vouchers.Where(v => v.Item1 is VoucherStatus.Paid or VoucherStatus.Reclaimed).Aggregate(Money.Zero, (s, v) => s + v.Item2), b.Paid);
            Assert.Equal(vouchers.Count(v => VoucherRules.HoldsBudget(v.Item1)), b.Approved);
        });
    }

    [Fact]
    public void PersonalData_ExpireOnlyMonthsAfterClosing_AndNeverWhileAControlOrReclaimIsOpen()
    {
        var closed = new DateOnly(2025, 3, 31);
        Assert.False(VoucherControlRules.PersonalDataExpired(null, 12, new DateOnly(2030, 1, 1), false, false));
        Assert.False(VoucherControlRules.PersonalDataExpired(closed, 12, new DateOnly(2026, 3, 31), false, false));
        Assert.True(VoucherControlRules.PersonalDataExpired(closed, 12, new DateOnly(2026, 4, 1), false, false));
        Gen.Select(Gen.Int[0, 3_000], Gen.Int[1, 120], Gen.Bool, Gen.Bool).Sample((days, months, pending, open) =>
        {
            var today = closed.AddDays(days);
            Assert.Equal(today > closed.AddMonths(months) && !pending && !open, VoucherControlRules.PersonalDataExpired(closed, months, today, pending, open));
        });
    }
}
