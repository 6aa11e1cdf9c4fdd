using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Vouchers;

// Keep Data/Migrations/20261217100000_VoucherControls.cs in step (SchemaDriftTests).

public enum VoucherControlOutcome
{
    /// <summary>Drawn; not yet controlled.</summary>
    Pending,

    Passed,

    /// <summary>The control failed: the voucher is reclaimed (KC9).</summary>
    Failed,
}

/// <summary>
/// A control draw of a scheme's paid vouchers (KC9): the seed the server generated, the vouchers it drew from (paid and
/// not drawn before), how many it drew, when and by whom. <see cref="ControlSample.Draw"/> over <see cref="Population"/>
/// with <see cref="Seed"/> and <see cref="Size"/> gives the drawn vouchers again, on any machine.
/// </summary>
public sealed class VoucherControlDraw
{
    public int Id { get; private set; }

    public int VoucherSchemeId { get; private set; }

    public int PartnershipId { get; private set; }

    public string Seed { get; private set; } = "";

    public int Size { get; private set; }

    /// <summary>The ids of the vouchers drawn from, ascending, comma-separated.</summary>
    public string Population { get; private set; } = "";

    public DateTime DrawnAtUtc { get; private set; }

    public DateOnly DrawnOn { get; private set; }

    public Guid? DrawnByUserId { get; private set; }

    public List<VoucherControl> Controls { get; private set; } = [];

    public IReadOnlyList<int> PopulationIds => Population.Length == 0 ? [] : Population.Split(',').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static VoucherControlDraw Draw(VoucherScheme scheme, IReadOnlyCollection<int> population, int size, string seed, DateOnly on, Guid? by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var draw = new VoucherControlDraw
        {
            VoucherSchemeId = scheme.Id,
            PartnershipId = scheme.PartnershipId,
            Seed = seed,
            Size = size,
            Population = string.Join(',', population.Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            DrawnAtUtc = now,
            DrawnOn = on,
            DrawnByUserId = by,
        };
        draw.Controls.AddRange(ControlSample.Draw(population, size, seed).Select(id => new VoucherControl { VoucherId = id, Outcome = VoucherControlOutcome.Pending, Version = 1 }));
        return draw;
    }

    /// <summary>The draw done again from what it recorded: the same vouchers, or the record was changed.</summary>
    public bool Reproduces() =>
        ControlSample.Draw(PopulationIds, Size, Seed).SequenceEqual(Controls.Select(c => c.VoucherId).Order());
}

/// <summary>One drawn voucher's control: pending, passed, or failed with the reason (a failure reclaims, KC9).</summary>
public sealed class VoucherControl
{
    public int Id { get; set; }

    public int VoucherControlDrawId { get; set; }

    public int VoucherId { get; set; }

    public VoucherControlOutcome Outcome { get; set; }

    public string? Reason { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public int Version { get; set; }

    public void Decide(bool passed, string? reason, DateOnly on, Guid? by)
    {
        Outcome = passed ? VoucherControlOutcome.Passed : VoucherControlOutcome.Failed;
        Reason = reason;
        DecidedOn = on;
        DecidedByUserId = by;
    }
}

/// <summary>The control draws' tables.</summary>
public static class VoucherControlsModel
{
    extension(RegiekamerDb db)
    {
        public DbSet<VoucherControlDraw> VoucherControlDraws => db.Set<VoucherControlDraw>();

        public DbSet<VoucherControl> VoucherControls => db.Set<VoucherControl>();
    }
}

internal sealed class VoucherControlDrawConfiguration : IEntityTypeConfiguration<VoucherControlDraw>
{
    public void Configure(EntityTypeBuilder<VoucherControlDraw> b)
    {
        b.ToTable("VoucherControlDraws");
        b.HasIndex(d => d.VoucherSchemeId);
        b.HasIndex(d => d.PartnershipId);
        b.Property(d => d.Seed).HasMaxLength(64);
        b.Ignore(d => d.PopulationIds);
        b.HasOne<VoucherScheme>().WithMany().HasForeignKey(d => d.VoucherSchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Controls).WithOne().HasForeignKey(c => c.VoucherControlDrawId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Controls).AutoInclude();
    }
}

internal sealed class VoucherControlConfiguration : IEntityTypeConfiguration<VoucherControl>
{
    public void Configure(EntityTypeBuilder<VoucherControl> b)
    {
        b.ToTable("VoucherControls");
        b.HasIndex(c => new { c.VoucherControlDrawId, c.VoucherId }).IsUnique();
        b.HasIndex(c => c.VoucherId);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Voucher>().WithMany().HasForeignKey(c => c.VoucherId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The control's pure rules (KC9) and the expiry of applicants' personal data (docs/privacy.md).</summary>
public static class VoucherControlRules
{
    /// <summary>The share of the paid vouchers drawn when the regisseur gives no size: 10 %, rounded up.</summary>
    public const int DefaultPercent = 10;

    /// <summary>
    /// How many of <paramref name="population"/> vouchers to draw: <paramref name="size"/> when given (1 … population),
    /// else <paramref name="percent"/> (1–100, default <see cref="DefaultPercent"/>) of them rounded up.
    /// </summary>
    public static Result<int> SampleSize(int population, int? size, int? percent)
    {
        if (population <= 0)
        {
            return DomainError.Rule(VoucherRules.Control, "KC9: er zijn geen uitbetaalde cheques om uit te trekken (die nog niet getrokken werden).", "KC9: there are no paid vouchers to draw from (not drawn before).", "size");
        }

        if (size is not null && percent is not null)
        {
            return DomainError.Invalid("validation", "Geef een aantal of een percentage, niet beide.", "Give a number or a percentage, not both.", "size");
        }

        if (size is { } n)
        {
            return n < 1 || n > population
                ? DomainError.Invalid("validation", $"Aantal: van 1 tot {population} (de uitbetaalde cheques die nog niet getrokken werden).", $"Number: from 1 to {population} (the paid vouchers not drawn before).", "size")
                : Result<int>.Ok(n);
        }

        var p = percent ?? DefaultPercent;
        if (p is < 1 or > 100)
        {
            return DomainError.Invalid("validation", "Percentage: van 1 tot 100.", "Percentage: from 1 to 100.", "percent");
        }

        return Result<int>.Ok((int)(((long)population * p + 99) / 100));
    }

    /// <summary>What a failed control reclaims: <paramref name="requested"/> when given (more than zero, at most the payout), else the whole payout.</summary>
    public static Result<Money> ReclaimAmount(Money payout, Money? requested)
    {
        var amount = requested ?? payout;
        if (amount <= Money.Zero || amount > payout)
        {
            return DomainError.Rule(
                VoucherRules.Control,
                $"KC9: het terug te vorderen bedrag is groter dan nul en hoogstens de uitbetaling ({payout.ToInvariantString()} euro).",
                $"KC9: the amount to reclaim is more than zero and at most the payout (EUR {payout.ToInvariantString()}).",
                "reclaimAmount");
        }

        return Result<Money>.Ok(amount);
    }

    /// <summary>
    /// Whether an applicant's personal data expire on <paramref name="today"/>: the scheme closed more than
    /// <paramref name="months"/> months ago, and the voucher has no control pending and no reclaim unpaid.
    /// </summary>
    public static bool PersonalDataExpired(DateOnly? closedOn, int months, DateOnly today, bool controlPending, bool reclaimOpen) =>
        closedOn is { } closed && today > closed.AddMonths(months) && !controlPending && !reclaimOpen;
}

internal sealed class VoucherReclaimConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> b)
    {
        b.Property(v => v.ReclaimReason).HasMaxLength(2000);
        b.Property(v => v.RepaymentReference).HasMaxLength(100);
        b.Ignore(v => v.ReclaimOpen);
    }
}
