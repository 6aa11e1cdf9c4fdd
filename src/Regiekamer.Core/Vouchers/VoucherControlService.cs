using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Vouchers;

/// <summary><c>Vouchers:PersonalDataMonths</c> (12): months after a scheme closes that its applicants' personal data expire (docs/privacy.md).</summary>
public sealed record VoucherSettings
{
    public int PersonalDataMonths { get; init; } = 12;

    /// <summary>Reads the settings; a value that does not parse stops the app at start, naming the setting.</summary>
    public static VoucherSettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var text = config["Vouchers:PersonalDataMonths"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new VoucherSettings();
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 120
            ? new VoucherSettings { PersonalDataMonths = months }
            : throw new InvalidOperationException($"Vouchers:PersonalDataMonths: '{text}' is not a whole number of months from 1 to 120.");
    }
}

/// <summary>The regisseur's draw: a number of vouchers, or a share of them in percent (default 10 %).</summary>
public sealed record VoucherDrawInput(int? Size, int? Percent);

/// <summary>A drawn voucher's control: passed, or failed with the reason and the amount to reclaim (default the whole payout), with the control's version read.</summary>
public sealed record VoucherControlInput(bool Passed, string? Reason, string? ReclaimAmount, int Version);

/// <summary>The repayment of a reclaim as booked: date and reference, with the voucher's version read.</summary>
public sealed record VoucherRepaymentInput(DateOnly? RepaidOn, string? Reference, int Version);

/// <summary>A scheme's reclaims to the cent: how many, reclaimed, repaid and still open (KC9).</summary>
public sealed record VoucherReclaims(int Count, Money Reclaimed, Money Repaid)
{
    public Money Open => Reclaimed - Repaid;
}

/// <summary>
/// The controls of the introduction vouchers (KC7, KC9; docs/adr/0015): the lapse of unused vouchers and the expiry of
/// applicants' personal data in the hourly reminder run, the reproducible control draw of a scheme's paid vouchers,
/// each drawn voucher's outcome, and the reclaim after a failed control with its repayment. Everything a regisseur asks
/// is found within the partnership and scheme named (another partnership's is "not found").
/// </summary>
public sealed partial class VoucherControlService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, CurrentActor actor, VoucherService vouchers, VoucherSettings settings)
{
    public const string DrawAuditEntity = "VoucherControlDraw";

    /// <summary>The scheme, when it is this partnership's and not a draft.</summary>
    public async Task<VoucherScheme?> SchemeAsync(int partnershipId, int schemeId, CancellationToken ct = default) =>
        await db.VoucherSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId && s.PartnershipId == partnershipId, ct);

    /// <summary>The scheme's draws, newest first, with their controls.</summary>
    public async Task<IReadOnlyList<VoucherControlDraw>> DrawsAsync(int partnershipId, int schemeId, CancellationToken ct = default) =>
        await db.VoucherControlDraws.AsNoTracking().Where(d => d.VoucherSchemeId == schemeId && d.PartnershipId == partnershipId).OrderByDescending(d => d.Id).ToListAsync(ct);

    /// <summary>The vouchers the draws name, by id.</summary>
    public async Task<IReadOnlyDictionary<int, Voucher>> DrawnVouchersAsync(IEnumerable<VoucherControlDraw> draws, CancellationToken ct = default)
    {
        var ids = draws.SelectMany(d => d.Controls.Select(c => c.VoucherId)).Distinct().ToList();
        return await db.Vouchers.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
    }

    /// <summary>How many paid vouchers a draw would draw from now: paid, not drawn before.</summary>
    public async Task<int> DrawableAsync(int schemeId, CancellationToken ct = default) => (await PopulationAsync(schemeId, ct)).Count;

    /// <summary>The scheme's reclaims to the cent.</summary>
    public async Task<VoucherReclaims> ReclaimsAsync(int schemeId, CancellationToken ct = default)
    {
        var rows = await db.Vouchers.AsNoTracking().Where(v => v.VoucherSchemeId == schemeId && v.Status == VoucherStatus.Reclaimed).Select(v => new { v.ReclaimAmount, v.RepaidOn }).ToListAsync(ct);
        return new VoucherReclaims(rows.Count, rows.Aggregate(Money.Zero, (s, r) => s + (r.ReclaimAmount ?? Money.Zero)), rows.Where(r => r.RepaidOn != null).Aggregate(Money.Zero, (s, r) => s + (r.ReclaimAmount ?? Money.Zero)));
    }

    /// <summary>
    /// Draws a sample of the scheme's paid vouchers not drawn before (KC9) with a new seed from the server's random
    /// generator; records the seed, the vouchers drawn from and those drawn. Two draws of one scheme queue on the
    /// scheme's write lock, so no voucher is drawn twice.
    /// </summary>
    public async Task<Result<VoucherControlDraw>> DrawAsync(int partnershipId, int schemeId, VoucherDrawInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        await using var tx = await db.TransactionAsync(ct);
        var now = clock.UtcNow;
        if (await db.VoucherSchemes.Where(s => s.Id == schemeId && s.PartnershipId == partnershipId && s.Status != VoucherSchemeStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAtUtc, now), ct) == 0)
        {
            return SchemeNotFound(schemeId);
        }

        var scheme = await db.VoucherSchemes.AsNoTracking().FirstAsync(s => s.Id == schemeId, ct);
        var population = await PopulationAsync(schemeId, ct);
        var size = VoucherControlRules.SampleSize(population.Count, input.Size, input.Percent);
        if (!size.IsSuccess)
        {
            return Result<VoucherControlDraw>.Fail(size.Errors);
        }

        var seed = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var draw = VoucherControlDraw.Draw(scheme, population, size.Value, seed, clock.Today, actor.Actor.UserId, now);
        db.VoucherControlDraws.Add(draw);
        await db.SaveChangesAsync(ct);
        audit.Record(new VoucherControlDrawn(draw.Id, VoucherControlDrawSnapshot.Of(draw)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<VoucherControlDraw>.Ok(draw);
    }

    /// <summary>
    /// A drawn voucher's control is decided once: passed, or failed with a reason, which reclaims the amount given (more
    /// than zero, at most the payout; default the whole payout) in the same transaction.
    /// </summary>
    public async Task<Result<VoucherControl>> DecideAsync(int partnershipId, int schemeId, int controlId, VoucherControlInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var control = await (from c in db.VoucherControls
                             join d in db.VoucherControlDraws on c.VoucherControlDrawId equals d.Id
                             where c.Id == controlId && d.VoucherSchemeId == schemeId && d.PartnershipId == partnershipId
                             select c).FirstOrDefaultAsync(ct);
        if (control is null)
        {
            return DomainError.NotFound($"Controle {controlId} bestaat niet in deze regeling.", $"Control {controlId} does not exist in this scheme.");
        }

        if (control.Outcome != VoucherControlOutcome.Pending)
        {
            return DomainError.Conflict("control-decided", "Over deze controle werd al beslist.", "This control was decided already.");
        }

        var voucher = await db.Vouchers.FirstAsync(v => v.Id == control.VoucherId, ct);
        var errors = new List<DomainError>();
        var reason = InputText.Clean(input.Reason, int.MaxValue);
        if ((!input.Passed && reason is null) || reason?.Length > 2000)
        {
            errors.Add(DomainError.Invalid("validation", "Reden: verplicht als de controle faalt, hoogstens 2.000 tekens.", "Reason: required when the control fails, at most 2,000 characters.", "reason"));
        }

        Money? requested = null;
        if (!input.Passed && !string.IsNullOrWhiteSpace(input.ReclaimAmount))
        {
            if (Applications.Plan.PlanAmount.TryParse(input.ReclaimAmount, out var parsed) != Applications.Plan.PlanAmountProblem.None)
            {
                errors.Add(DomainError.Invalid("validation", "Terug te vorderen bedrag: een bedrag in euro, bv. 500,00.", "Amount to reclaim: an amount in euros, e.g. 500.00.", "reclaimAmount"));
            }
            else
            {
                requested = parsed;
            }
        }

        var amount = input.Passed || errors.Count > 0 ? Result<Money>.Ok(Money.Zero) : VoucherControlRules.ReclaimAmount(voucher.Amount, requested);
        errors.AddRange(amount.Errors);
        if (errors.Count > 0)
        {
            return Result<VoucherControl>.Fail(errors);
        }

        if (!input.Passed && voucher.Status != VoucherStatus.Paid)
        {
            return DomainError.Conflict("voucher-not-paid", "Alleen een uitbetaalde cheque wordt teruggevorderd.", "Only a paid voucher is reclaimed.");
        }

        var old = VoucherControlSnapshot.Of(control);
        db.ExpectVersion(control, input.Version);
        control.Decide(input.Passed, reason, clock.Today, actor.Actor.UserId);
        await using var tx = await db.TransactionAsync(ct);
        audit.Record(new VoucherControlDecided(voucher.Id, old, VoucherControlSnapshot.Of(control)));
        if (!input.Passed)
        {
            var before = VoucherReclaimSnapshot.Of(voucher);
            voucher.Reclaim(amount.Value, reason!, clock.Today, clock.UtcNow);
            audit.Record(new VoucherReclaimChanged(voucher.Id, VoucherControlActions.Reclaimed, before, VoucherReclaimSnapshot.Of(voucher)));
        }

        var saved = await SaveAsync(control, ct);
        if (saved.IsSuccess)
        {
            await tx.CommitAsync(ct);
        }

        return saved;
    }

    /// <summary>The company repaid what was reclaimed: booked once, with a date from the reclaim up to today and a reference.</summary>
    public async Task<Result<Voucher>> RecordRepaymentAsync(int partnershipId, int schemeId, int voucherId, VoucherRepaymentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var voucher = await db.Vouchers.FirstOrDefaultAsync(v => v.Id == voucherId && v.VoucherSchemeId == schemeId && v.PartnershipId == partnershipId, ct);
        if (voucher is null)
        {
            return DomainError.NotFound($"Cheque {voucherId} bestaat niet in deze regeling.", $"Voucher {voucherId} does not exist in this scheme.");
        }

        if (!voucher.ReclaimOpen)
        {
            return DomainError.Conflict("no-open-reclaim", "Deze cheque heeft geen openstaande terugvordering.", "This voucher has no open reclaim.");
        }

        var errors = new List<DomainError>();
        if (input.RepaidOn is not { } on || on < voucher.ReclaimedOn || on > clock.Today)
        {
            errors.Add(DomainError.Invalid("validation", "Terugbetaald op: een datum vanaf de terugvordering tot vandaag.", "Repaid on: a date from the reclaim up to today.", "repaidOn"));
        }

        var reference = InputText.Clean(input.Reference, int.MaxValue);
        if (reference is null || reference.Length > 100)
        {
            errors.Add(DomainError.Invalid("validation", "Referentie van de terugbetaling: verplicht, hoogstens 100 tekens.", "Repayment reference: required, at most 100 characters.", "reference"));
        }

        if (errors.Count > 0)
        {
            return Result<Voucher>.Fail(errors);
        }

        var before = VoucherReclaimSnapshot.Of(voucher);
        db.ExpectVersion(voucher, input.Version);
        voucher.RecordRepayment(input.RepaidOn!.Value, reference!, clock.UtcNow);
        audit.Record(new VoucherReclaimChanged(voucher.Id, VoucherControlActions.Repaid, before, VoucherReclaimSnapshot.Of(voucher)));
        return await SaveAsync(voucher, ct);
    }

    /// <summary>
    /// KC7 in the reminder run: every voucher past its last day of use lapses. Two instances running at once: one saves,
    /// the other's save finds the versions changed, and its second pass finds nothing left to lapse.
    /// </summary>
    public async Task<int> LapseAsync(CancellationToken ct = default)
    {
        try
        {
            return await vouchers.LapseDueAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await vouchers.LapseDueAsync(ct);
        }
    }

    /// <summary>
    /// The expiry of applicants' personal data (docs/privacy.md), in the reminder run: for every voucher of a scheme
    /// closed more than <see cref="VoucherSettings.PersonalDataMonths"/> months ago, with no control pending and no
    /// reclaim unpaid, the contact, IP address and link tokens are cleared and so are the personal values the audit
    /// trail keeps of that voucher; the enterprise's number and name stay. One voucher per transaction; a voucher another
    /// instance changed meanwhile is left for the next run.
    /// </summary>
    public async Task<int> ExpirePersonalDataAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var today = clock.Today;
        var closed = await db.VoucherSchemes.AsNoTracking().IgnoreAutoIncludes()
            .Where(s => s.Status == VoucherSchemeStatus.Closed && s.ClosedOn != null)
            .Select(s => new { s.Id, s.ClosedOn }).ToListAsync(ct);
        var due = closed.Where(s => VoucherControlRules.PersonalDataExpired(s.ClosedOn, settings.PersonalDataMonths, today, false, false)).Select(s => s.Id).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var candidates = await db.Vouchers.AsNoTracking().Where(v => due.Contains(v.VoucherSchemeId) && !v.PersonalDataErased).OrderBy(v => v.Id)
            .Select(v => new { v.Id, v.VoucherSchemeId, v.Status, v.RepaidOn }).ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var pending = (await db.VoucherControls.AsNoTracking().Where(c => ids.Contains(c.VoucherId) && c.Outcome == VoucherControlOutcome.Pending).Select(c => c.VoucherId).ToListAsync(ct)).ToHashSet();
        var closedOn = closed.ToDictionary(s => s.Id, s => s.ClosedOn);
        var erased = 0;
        foreach (var c in candidates)
        {
            var reclaimOpen = c.Status == VoucherStatus.Reclaimed && c.RepaidOn == null;
            if (!VoucherControlRules.PersonalDataExpired(closedOn[c.VoucherSchemeId], settings.PersonalDataMonths, today, pending.Contains(c.Id), reclaimOpen))
            {
                continue;
            }

            erased += await ExpireAsync(c.Id, ct) ? 1 : 0;
        }

        return erased;
    }

    private async Task<bool> ExpireAsync(int voucherId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var voucher = await db.Vouchers.FirstAsync(v => v.Id == voucherId, ct);
        if (voucher.PersonalDataErased)
        {
            return false;
        }

        var fields = new[] { ("ContactName", voucher.ContactName), ("ContactEmail", voucher.ContactEmail), ("ContactPhone", voucher.ContactPhone), ("IpAddress", voucher.IpAddress) }
            .Where(f => f.Item2 is not null).Select(f => f.Item1).ToList();
        var now = clock.UtcNow;
        await using var tx = await db.TransactionAsync(ct);
        voucher.ErasePersonalData(now);
        audit.Record(new VoucherPersonalDataExpired(voucher.Id, new VoucherPersonalDataSnapshot(false, null), new VoucherPersonalDataSnapshot(true, fields.Count == 0 ? null : string.Join(", ", fields))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        // The personal values the trail keeps of this voucher (its contact, in its snapshots) go with it.
        var key = AuditEvent.KeyOf(voucher.Id);
        var texts = await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == VoucherService.VoucherAuditEntity && r.EntityId == key).Select(r => (r.Before ?? "") + (r.After ?? "")).ToListAsync(ct);
        var references = texts.SelectMany(t => ReferencePattern().Matches(t).Select(m => Guid.Parse(m.Groups[1].Value))).Distinct().ToList();
        if (references.Count > 0)
        {
            await db.PersonalData.Where(d => references.Contains(d.Id) && d.ErasedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Value, (string?)null).SetProperty(d => d.Subject, PersonalDatum.ErasedSubject).SetProperty(d => d.ErasedAtUtc, now), ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    [GeneratedRegex("\"\\$pd\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex ReferencePattern();

    /// <summary>The scheme's paid vouchers not drawn in an earlier draw.</summary>
    private async Task<List<int>> PopulationAsync(int schemeId, CancellationToken ct)
    {
        var drawn = db.VoucherControls.Join(db.VoucherControlDraws.Where(d => d.VoucherSchemeId == schemeId), c => c.VoucherControlDrawId, d => d.Id, (c, d) => c.VoucherId);
        return await db.Vouchers.AsNoTracking().Where(v => v.VoucherSchemeId == schemeId && v.Status == VoucherStatus.Paid && !drawn.Contains(v.Id)).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
    }

    private Task<Result<T>> SaveAsync<T>(T entity, CancellationToken ct)
        where T : class => db.SaveOrConflictAsync(entity, ct);

    private static DomainError SchemeNotFound(int id) => DomainError.NotFound($"Chequeregeling {id} bestaat niet in dit regieverband of is nog in opmaak.", $"Voucher scheme {id} does not exist in this partnership or is still a draft.");
}
