using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Vouchers;

/// <summary>
/// The demo's voucher scheme (Development, Demo:Seed): one draft scheme of the first demo partnership that has demo
/// actors, on the terms of seed 000's first variant (EUR 500, more than 30 companies), marked IsDemo. A draft, so no
/// public form offers it; the regisseur opens it to try the desk. Fictitious: the pages say so.
/// </summary>
public static class DemoVouchers
{
    public static async Task<int> SeedAsync(RegiekamerDb db, AuditTrail audit, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        if (await db.VoucherSchemes.AnyAsync(s => s.IsDemo, ct))
        {
            return 0;
        }

        var actors = await db.Actors.AsNoTracking().Where(a => a.IsDemo && a.ArchivedAtUtc == null)
            .Join(db.Partnerships.Where(p => p.IsDemo), a => a.PartnershipId, p => p.Id, (a, p) => new { a.Id, a.PartnershipId, PartnershipName = p.Name })
            .ToListAsync(ct);
        var first = actors.OrderBy(a => a.PartnershipId).FirstOrDefault();
        if (first is null)
        {
            return 0;
        }

        var year = DateOnly.FromDateTime(now).Year;
        var terms = new VoucherTerms(VoucherKind.Fixed, Money.FromEuros(500), Money.Zero, 6, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Money.FromEuros(15_000), 30);
        var scheme = VoucherScheme.Create(first.PartnershipId, $"Demo kennismakingscheque {first.PartnershipName}", terms, actors.Where(a => a.PartnershipId == first.PartnershipId).Select(a => a.Id), now, isDemo: true);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.VoucherSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        audit.Record(new VoucherSchemeCreated(scheme.Id, VoucherSchemeSnapshot.Of(scheme)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return 1;
    }
}
