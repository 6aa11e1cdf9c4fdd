using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Vouchers;

/// <summary>A scheme with its partnership's name and its budget to the cent (KC2) as the dashboard shows it.</summary>
public sealed record VoucherSchemeView(VoucherScheme Scheme, string PartnershipName, VoucherBudget Budget, IReadOnlyList<VoucherProviderName> Providers);

/// <summary>An eligible provider (an actor of the inventory) by name.</summary>
public sealed record VoucherProviderName(int ActorId, string Name);

/// <summary>A voucher with the name of its provider.</summary>
public sealed record VoucherItem(Voucher Voucher, string ProviderName);

/// <summary>An uploaded file's description, without its bytes.</summary>
public sealed record VoucherFileInfo(VoucherFileKind Kind, string FileName, long Length, string Sha256, DateTime UploadedAtUtc);

/// <summary>
/// What the regisseur's and the department's desk reads of the vouchers (issue 10, point 6): a partnership's schemes
/// with their budgets, a scheme's vouchers, one voucher and its files. Everything a partnership owns is found only
/// within that partnership: another partnership's scheme or voucher is "not there" (IDOR).
/// </summary>
public sealed class VoucherDeskService(RegiekamerDb db)
{
    /// <summary>The schemes of one partnership, or of all (the department), newest period first, each with its budget.</summary>
    public async Task<IReadOnlyList<VoucherSchemeView>> SchemesAsync(int? partnershipId, CancellationToken ct = default)
    {
        var schemes = await db.VoucherSchemes.AsNoTracking().Where(s => partnershipId == null || s.PartnershipId == partnershipId)
            .OrderByDescending(s => s.From).ThenBy(s => s.Id).ToListAsync(ct);
        return await ViewsAsync(schemes, ct);
    }

    /// <summary>A scheme of <paramref name="partnershipId"/> with its budget; null when it is not that partnership's.</summary>
    public async Task<VoucherSchemeView?> SchemeAsync(int partnershipId, int schemeId, CancellationToken ct = default)
    {
        var scheme = await db.VoucherSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId && s.PartnershipId == partnershipId, ct);
        return scheme is null ? null : (await ViewsAsync([scheme], ct))[0];
    }

    /// <summary>The scheme's vouchers (optionally of one status), by application, with their providers' names.</summary>
    public async Task<IReadOnlyList<VoucherItem>> VouchersAsync(int partnershipId, int schemeId, VoucherStatus? status, CancellationToken ct = default)
    {
        var rows = await db.Vouchers.AsNoTracking()
            .Where(v => v.VoucherSchemeId == schemeId && v.PartnershipId == partnershipId && (status == null || v.Status == status))
            .Join(db.Actors, v => v.ProviderActorId, a => a.Id, (v, a) => new { v, a.Name })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.v.AppliedAtUtc).ThenBy(r => r.v.Id).Select(r => new VoucherItem(r.v, r.Name)).ToList();
    }

    /// <summary>One voucher of the scheme of the partnership; null when it is not there.</summary>
    public async Task<VoucherItem?> VoucherAsync(int partnershipId, int schemeId, int voucherId, CancellationToken ct = default)
    {
        var row = await db.Vouchers.AsNoTracking()
            .Where(v => v.Id == voucherId && v.VoucherSchemeId == schemeId && v.PartnershipId == partnershipId)
            .Join(db.Actors, v => v.ProviderActorId, a => a.Id, (v, a) => new { v, a.Name })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new VoucherItem(row.v, row.Name);
    }

    /// <summary>The files the company uploaded for a voucher, without their bytes.</summary>
    public async Task<IReadOnlyList<VoucherFileInfo>> FilesAsync(int voucherId, CancellationToken ct = default) =>
        await db.VoucherFiles.AsNoTracking().Where(f => f.VoucherId == voucherId).OrderBy(f => f.Kind)
            .Select(f => new VoucherFileInfo(f.Kind, f.FileName, f.Length, f.Sha256, f.UploadedAtUtc)).ToListAsync(ct);

    /// <summary>A voucher's file of a kind (the latest), with its bytes; the caller found the voucher in its partnership first.</summary>
    public async Task<VoucherFile?> FileAsync(int voucherId, VoucherFileKind kind, CancellationToken ct = default) =>
        await db.VoucherFiles.AsNoTracking().Where(f => f.VoucherId == voucherId && f.Kind == kind).OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);

    /// <summary>The partnership's active actors, by name: the providers a scheme may choose (KC5).</summary>
    public async Task<IReadOnlyList<VoucherProviderName>> ProviderChoicesAsync(int partnershipId, CancellationToken ct = default) =>
        (await db.Actors.AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.ArchivedAtUtc == null).Select(a => new VoucherProviderName(a.Id, a.Name)).ToListAsync(ct))
            .OrderBy(a => a.Name, StringComparer.Create(Common.Formats.Dutch, System.Globalization.CompareOptions.IgnoreCase)).ToList();

    private async Task<IReadOnlyList<VoucherSchemeView>> ViewsAsync(IReadOnlyList<VoucherScheme> schemes, CancellationToken ct)
    {
        var ids = schemes.Select(s => s.Id).ToList();
        var names = await SchemeNames.LoadAsync(db, schemes, ct);
        var vouchers = (await db.Vouchers.AsNoTracking().Where(v => ids.Contains(v.VoucherSchemeId)).Select(v => new { v.VoucherSchemeId, v.Status, v.Amount }).ToListAsync(ct))
            .ToLookup(v => v.VoucherSchemeId);
        return schemes.Select(s => new VoucherSchemeView(
            s,
            names.Partnership(s),
            VoucherBudget.Of(s.Budget, s.TargetCompanies, vouchers[s.Id].Select(v => (v.Status, v.Amount))),
            names.Providers(s))).ToList();
    }
}

/// <summary>The names a list of schemes shows — each one's partnership and providers — read in two queries for the whole list.</summary>
internal sealed class SchemeNames(IReadOnlyDictionary<int, string> partnerships, IReadOnlyDictionary<int, string> actors)
{
    public static async Task<SchemeNames> LoadAsync(RegiekamerDb db, IReadOnlyList<VoucherScheme> schemes, CancellationToken ct)
    {
        var partnershipIds = schemes.Select(s => s.PartnershipId).Distinct().ToList();
        var actorIds = schemes.SelectMany(s => s.Providers.Select(p => p.ActorId)).Distinct().ToList();
        return new(
            await db.Partnerships.AsNoTracking().Where(p => partnershipIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct),
            await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct));
    }

    public string Partnership(VoucherScheme scheme) => partnerships.GetValueOrDefault(scheme.PartnershipId, "");

    /// <summary>The scheme's providers by name, in Dutch alphabetical order.</summary>
    public IReadOnlyList<VoucherProviderName> Providers(VoucherScheme scheme) =>
        scheme.Providers.Select(p => new VoucherProviderName(p.ActorId, actors.GetValueOrDefault(p.ActorId, $"#{p.ActorId}")))
            .OrderBy(p => p.Name, StringComparer.Create(Common.Formats.Dutch, System.Globalization.CompareOptions.IgnoreCase)).ToList();
}
