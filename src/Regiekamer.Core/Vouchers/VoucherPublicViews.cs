using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Vouchers;

/// <summary>A scheme open to applications today, as the public list shows it.</summary>
public sealed record OpenVoucherScheme(VoucherScheme Scheme, string Partnership, IReadOnlyList<VoucherProviderName> Providers);

/// <summary>What a company's or provider's link opens: the voucher, its scheme and its provider's name.</summary>
public sealed record VoucherLinkView(Voucher Voucher, VoucherScheme Scheme, string Provider);

/// <summary>
/// What the public voucher pages read (no account): the schemes open today, and the voucher behind a mailed link. A link
/// whose token is unknown, used or no longer valid finds nothing, whatever the reason, so the page can answer one neutral
/// page. Changes go through <see cref="VoucherService"/>.
/// </summary>
public sealed class VoucherPublicViews(RegiekamerDb db, BrusselsClock clock)
{
    /// <summary>The schemes open to applications today (open, and today within their period), newest first.</summary>
    public async Task<IReadOnlyList<OpenVoucherScheme>> OpenSchemesAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var schemes = await db.VoucherSchemes.AsNoTracking()
            .Where(s => s.Status == VoucherSchemeStatus.Open && s.From <= today && s.Until >= today)
            .OrderByDescending(s => s.From).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .ToListAsync(ct);
        return await WithNamesAsync(schemes, ct);
    }

    /// <summary>One scheme open to applications today, or null.</summary>
    public async Task<OpenVoucherScheme?> OpenSchemeAsync(int schemeId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var scheme = await db.VoucherSchemes.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == schemeId && s.Status == VoucherSchemeStatus.Open && s.From <= today && s.Until >= today, ct);
        return scheme is null ? null : (await WithNamesAsync([scheme], ct))[0];
    }

    /// <summary>The application a confirmation link names, while it waits for its confirmation.</summary>
    public Task<VoucherLinkView?> ToConfirmAsync(string? token, CancellationToken ct = default) =>
        ByTokenAsync(token, hash => v => v.CompanyTokenHash == hash && v.Status == VoucherStatus.Unconfirmed, ct);

    /// <summary>The company's voucher behind its link, once confirmed (after approval, only the link of the approval mail).</summary>
    public Task<VoucherLinkView?> CompanyAsync(string? token, CancellationToken ct = default) =>
        ByTokenAsync(token, hash => v => v.CompanyTokenHash == hash && v.Status != VoucherStatus.Unconfirmed, ct);

    /// <summary>The voucher a provider's link names, while it can confirm delivery (approved, by the last day of use).</summary>
    public async Task<VoucherLinkView?> ToDeliverAsync(string? token, CancellationToken ct = default)
    {
        var view = await ByTokenAsync(token, hash => v => v.ProviderTokenHash == hash && v.Status == VoucherStatus.Approved, ct);
        return view is not null && clock.Today <= view.Voucher.LastDayOfUse ? view : null;
    }

    private async Task<VoucherLinkView?> ByTokenAsync(string? token, Func<string, System.Linq.Expressions.Expression<Func<Voucher, bool>>> match, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var voucher = await db.Vouchers.AsNoTracking().FirstOrDefaultAsync(match(VoucherService.Hash(token)), ct);
        if (voucher is null)
        {
            return null;
        }

        var scheme = await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == voucher.VoucherSchemeId, ct);
        var provider = await db.Actors.AsNoTracking().Where(a => a.Id == voucher.ProviderActorId).Select(a => a.Name).FirstAsync(ct);
        return new VoucherLinkView(voucher, scheme, provider);
    }

    private async Task<IReadOnlyList<OpenVoucherScheme>> WithNamesAsync(IReadOnlyList<VoucherScheme> schemes, CancellationToken ct)
    {
        var names = await SchemeNames.LoadAsync(db, schemes, ct);
        return schemes.Select(s => new OpenVoucherScheme(s, names.Partnership(s), names.Providers(s))).ToList();
    }
}
