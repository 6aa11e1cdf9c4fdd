using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Catalogue;

/// <summary>One service as its partnership's pages list it: the service, its actor, where it stands, and whether a supplier's update waits.</summary>
public sealed record OfferingRow(Offering Offering, Actor Actor, Freshness Freshness, bool HasPendingCopy);

/// <summary>A supplier's update as the regisseur compares it: what is in force and what is proposed.</summary>
public sealed record PendingComparison(Offering Offering, Actor Actor, OfferingContent Current, OfferingContent Proposed, DateTime SubmittedAtUtc);

/// <summary>An invitation just made: the link's token (only the mail and this answer hold it) and when it expires.</summary>
public sealed record InvitationSent(int InvitationId, string Token, DateTime ExpiresAtUtc);

/// <summary>What an open invitation link shows the supplier: its entry as it stands.</summary>
public sealed record InvitationView(int InvitationId, Offering Offering, Actor Actor, DateTime ExpiresAtUtc);

/// <summary>
/// The partnership's services in the catalogue (issue 10 point 5). The regisseur of the actor's partnership adds and
/// changes them, publishes, takes them off and confirms them; invites the supplier by mail to update its own entry
/// (a pending copy, never public, that the regisseur publishes or rejects). Every method that takes a partnership
/// finds only that partnership's services: another's answers 404 as one that does not exist. Every change is audited.
/// </summary>
public sealed class OfferingService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, ReferenceDataService referenceData, NotificationService notifications)
{
    public const string AuditEntity = "Offering";

    public const int InvitationDays = 30;

    public static string UpdateLink(string token) => "/Catalogue/Update/" + token;

    public static DomainError NotFound(int id) => DomainError.NotFound(
        string.Create(CultureInfo.InvariantCulture, $"Catalogusdienst {id} bestaat niet in dit regieverband."),
        string.Create(CultureInfo.InvariantCulture, $"Catalogue service {id} does not exist in this partnership."));

    /// <summary>The same answer for a token that never existed, expired, or was used: the link says nothing about anyone.</summary>
    public static readonly DomainError InvitationClosed = DomainError.NotFound(
        "Deze link is niet (meer) geldig. Vraag de regisseur om een nieuwe uitnodiging.",
        "This link is not (or no longer) valid. Ask the regisseur for a new invitation.");

    private static DomainError Concurrency() => DomainError.Conflict("concurrency", "Iemand anders bewaarde deze dienst intussen; herlaad en probeer opnieuw.", "Someone else saved this service in the meantime; reload and try again.");

    /// <summary>What a service may refer to, read from the database and the shipped CPV list.</summary>
    public async Task<OfferingReferences> ReferencesAsync(CancellationToken ct = default)
    {
        var categories = await db.CatalogueCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var municipalities = (await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2025).Select(m => m.NisCode).ToListAsync(ct)).ToHashSet();
        var regions = new Dictionary<string, IReadOnlyList<NisCode>>(StringComparer.Ordinal);
        if (await referenceData.CurrentAsync(DatasetKind.ReferenceRegions, MunicipalitySet.Set2025, ct) is { } dataset)
        {
            foreach (var g in (await db.RegionAssignments.AsNoTracking().Where(a => a.DatasetId == dataset.Id).ToListAsync(ct)).GroupBy(a => a.RegionCode))
            {
                regions[g.Key] = g.Select(a => a.NisCode).Order().ToList();
            }
        }

        return new OfferingReferences(categories, CpvVocabulary.Shipped, municipalities, regions);
    }

    /// <summary>The partnership's actors that are not archived, for the form's choice.</summary>
    public Task<List<Actor>> ActorsAsync(int partnershipId, CancellationToken ct = default) =>
        db.Actors.AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.ArchivedAtUtc == null).OrderBy(a => a.Name).ToListAsync(ct);

    /// <summary>Every service of the partnership's actors, with where it stands today.</summary>
    public async Task<IReadOnlyList<OfferingRow>> ListAsync(int partnershipId, CancellationToken ct = default)
    {
        var today = clock.Today;
        var rows = await db.Offerings.AsNoTracking().AsSplitQuery().Include(o => o.Actor)
            .Where(o => o.Actor!.PartnershipId == partnershipId)
            .OrderBy(o => o.Actor!.Name).ThenBy(o => o.Title).ThenBy(o => o.Id)
            .ToListAsync(ct);
        var ids = rows.Select(o => o.Id).ToList();
        var pending = (await db.OfferingPendingCopies.AsNoTracking().Where(p => ids.Contains(p.OfferingId)).Select(p => p.OfferingId).ToListAsync(ct)).ToHashSet();
        return rows.Select(o => new OfferingRow(o, o.Actor!, CatalogueRules.FreshnessOf(o.LastConfirmedOn, today), pending.Contains(o.Id))).ToList();
    }

    public async Task<OfferingRow?> GetAsync(int partnershipId, int offeringId, CancellationToken ct = default)
    {
        var o = await db.Offerings.AsNoTracking().AsSplitQuery().Include(x => x.Actor).FirstOrDefaultAsync(x => x.Id == offeringId && x.Actor!.PartnershipId == partnershipId, ct);
        return o is null ? null : new OfferingRow(o, o.Actor!, CatalogueRules.FreshnessOf(o.LastConfirmedOn, clock.Today), await db.OfferingPendingCopies.AnyAsync(p => p.OfferingId == offeringId, ct));
    }

    /// <summary>Adds a service (a draft) for one of the partnership's actors.</summary>
    public async Task<Result<Offering>> CreateAsync(int partnershipId, int actorId, OfferingInput input, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var actor = await db.Actors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actorId && a.PartnershipId == partnershipId && a.ArchivedAtUtc == null, ct);
        if (actor is null)
        {
            return DomainError.Invalid("unknown-actor", "Actor: kies een actor van dit regieverband.", "Actor: choose an actor of this partnership.", "actorId");
        }

        var refs = await ReferencesAsync(ct);
        var checkedContent = OfferingRules.Check(input, refs);
        if (!checkedContent.IsSuccess)
        {
            return Result<Offering>.Fail(checkedContent.Errors);
        }

        var content = checkedContent.Value!;
        var offering = Offering.Create(actorId, content, SearchTextOf(content, actor, refs), clock.Today, clock.UtcNow);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Offerings.Add(offering);
        await db.SaveChangesAsync(ct);
        audit.Record(new OfferingCreated(offering.Id, OfferingSnapshot.Of(offering)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Offering>.Ok(offering);
    }

    /// <summary>Changes a service's content, with the version read (409 when someone saved it since).</summary>
    public async Task<Result<Offering>> UpdateAsync(int partnershipId, int offeringId, OfferingInput input, int expectedVersion, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var offering = await LoadAsync(partnershipId, offeringId, ct);
        if (offering is null)
        {
            return NotFound(offeringId);
        }

        var refs = await ReferencesAsync(ct);
        var checkedContent = OfferingRules.Check(input, refs);
        if (!checkedContent.IsSuccess)
        {
            return Result<Offering>.Fail(checkedContent.Errors);
        }

        var before = OfferingSnapshot.Of(offering);
        db.ExpectVersion(offering, expectedVersion);
        offering.Change(checkedContent.Value!, SearchTextOf(checkedContent.Value!, offering.Actor!, refs), clock.UtcNow);
        audit.Record(new OfferingChanged(offering.Id, AuditActions.Updated, before, OfferingSnapshot.Of(offering)));
        return await SaveAsync(offering, ct);
    }

    /// <summary>Puts the service in the public catalogue, confirmed today.</summary>
    public Task<Result<Offering>> PublishAsync(int partnershipId, int offeringId, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(partnershipId, offeringId, expectedVersion, OfferingAuditActions.Published, o => o.Publish(clock.Today, clock.UtcNow), ct);

    /// <summary>Takes the service off the public catalogue (back to draft).</summary>
    public Task<Result<Offering>> UnpublishAsync(int partnershipId, int offeringId, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(partnershipId, offeringId, expectedVersion, OfferingAuditActions.Unpublished, o => o.Unpublish(clock.UtcNow), ct);

    /// <summary>The regisseur says the entry is still right: confirmed today (it is no longer stale, and shows again if it was hidden).</summary>
    public Task<Result<Offering>> ConfirmAsync(int partnershipId, int offeringId, int expectedVersion, CancellationToken ct = default) =>
        StepAsync(partnershipId, offeringId, expectedVersion, OfferingAuditActions.Confirmed, o => o.Confirm(clock.Today, clock.UtcNow), ct);

    /// <summary>
    /// Mails the supplier a link to update its own entry: a random token of 32 bytes, of which only its SHA-256 is
    /// stored; valid <see cref="InvitationDays"/> days and once; a newer invitation closes the older ones.
    /// </summary>
    public async Task<Result<InvitationSent>> InviteAsync(int partnershipId, int offeringId, string? email, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var offering = await LoadAsync(partnershipId, offeringId, ct);
        if (offering is null)
        {
            return NotFound(offeringId);
        }

        var address = (email ?? "").Trim();
        if (!OfferingRules.IsEmail(address))
        {
            return DomainError.Invalid("validation", "E-mail leverancier: geef een geldig e-mailadres.", "Supplier e-mail: give a valid e-mail address.", "email");
        }

        var now = clock.UtcNow;
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var expires = now.AddDays(InvitationDays);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var older in await db.OfferingInvitations.Where(i => i.OfferingId == offeringId && i.UsedAtUtc == null).ToListAsync(ct))
        {
            older.Use(now);
        }

        var invitation = OfferingInvitation.Create(offeringId, HashOf(token), address, now, expires);
        db.OfferingInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        audit.Record(new SupplierInvited(offeringId, new OfferingInvitationSnapshot(invitation.Id, Personal.Of(address, Personal.ContactSubject(address, null)), expires.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))));
        var day = Formats.Date(DateOnly.FromDateTime(BrusselsClock.InBrussels(expires).DateTime));
        var actor = offering.Actor!;
        await notifications.StageAsync(
            new NotificationDraft(
                string.Create(CultureInfo.InvariantCulture, $"catalogue-invitation:{invitation.Id}"),
                NotificationKind.CatalogueInvitation,
                actor.PartnershipId,
                null,
                new($"Uw dienst in de catalogus sociale economie: graag nakijken", "Your service in the social-economy catalogue: please check it"),
                new(
                    $"De regisseur vraagt {actor.Name} om de dienst \"{offering.Title}\" in de openbare catalogus sociale economie na te kijken en bij te werken. Open de link hieronder (geen account nodig); hij is geldig tot {day} en werkt één keer. Uw wijziging verschijnt pas nadat de regisseur ze publiceert.",
                    $"The regisseur asks {actor.Name} to check and update the service \"{offering.Title}\" in the public social-economy catalogue. Open the link below (no account needed); it is valid until {day} and works once. Your change appears only once the regisseur publishes it."),
                UpdateLink(token)),
            [new Recipient(null, address)],
            ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<InvitationSent>.Ok(new InvitationSent(invitation.Id, token, expires));
    }

    /// <summary>The entry an invitation link opens, while the link is open; otherwise <see cref="InvitationClosed"/>, whatever the reason.</summary>
    public async Task<Result<InvitationView>> OpenInvitationAsync(string? token, CancellationToken ct = default)
    {
        var invitation = await FindOpenAsync(token, ct);
        if (invitation is null)
        {
            return InvitationClosed;
        }

        var offering = await db.Offerings.AsNoTracking().AsSplitQuery().Include(o => o.Actor).FirstAsync(o => o.Id == invitation.OfferingId, ct);
        return Result<InvitationView>.Ok(new InvitationView(invitation.Id, offering, offering.Actor!, invitation.ExpiresAtUtc));
    }

    /// <summary>
    /// The supplier's update through its link: checked like the regisseur's, kept as the entry's pending copy (a later one
    /// replaces it), the link used. Nothing of it is public until the regisseur publishes it.
    /// </summary>
    public async Task<Result<OfferingContent>> SubmitUpdateAsync(string? token, OfferingInput input, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var invitation = await FindOpenAsync(token, ct, tracked: true);
        if (invitation is null)
        {
            return InvitationClosed;
        }

        var checkedContent = OfferingRules.Check(input, await ReferencesAsync(ct));
        if (!checkedContent.IsSuccess)
        {
            return checkedContent;
        }

        var now = clock.UtcNow;
        var json = JsonSerializer.Serialize(Input(checkedContent.Value!));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        invitation.Use(now);
        var pending = await db.OfferingPendingCopies.FirstOrDefaultAsync(p => p.OfferingId == invitation.OfferingId, ct);
        if (pending is null)
        {
            db.OfferingPendingCopies.Add(OfferingPendingCopy.Of(invitation.OfferingId, invitation.Id, json, now));
        }
        else
        {
            pending.Replace(invitation.Id, json, now);
        }

        var offering = await db.Offerings.AsNoTracking().FirstAsync(o => o.Id == invitation.OfferingId, ct);
        audit.Record(new OfferingPendingReceived(offering.Id, ProposedSnapshot(offering, checkedContent.Value!)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return InvitationClosed;
        }

        await tx.CommitAsync(ct);
        return checkedContent;
    }

    /// <summary>The supplier's update next to what is in force, or null when none waits.</summary>
    public async Task<PendingComparison?> PendingAsync(int partnershipId, int offeringId, CancellationToken ct = default)
    {
        var row = await GetAsync(partnershipId, offeringId, ct);
        var pending = row is null ? null : await db.OfferingPendingCopies.AsNoTracking().FirstOrDefaultAsync(p => p.OfferingId == offeringId, ct);
        return pending is null ? null : new PendingComparison(row!.Offering, row.Actor, row.Offering.Content, Proposed(pending), pending.SubmittedAtUtc);
    }

    /// <summary>Publishes the supplier's update: it becomes the entry's content, published and confirmed today; the copy goes.</summary>
    public async Task<Result<Offering>> PublishPendingAsync(int partnershipId, int offeringId, int expectedVersion, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var offering = await LoadAsync(partnershipId, offeringId, ct);
        var pending = offering is null ? null : await db.OfferingPendingCopies.FirstOrDefaultAsync(p => p.OfferingId == offeringId, ct);
        if (offering is null || pending is null)
        {
            return offering is null ? NotFound(offeringId) : NoPending();
        }

        var refs = await ReferencesAsync(ct);

        // Checked again: a category or region may have changed since the supplier sent it.
        var proposed = Proposed(pending);
        var recheck = OfferingRules.Check(Input(proposed), refs);
        if (!recheck.IsSuccess)
        {
            return Result<Offering>.Fail(recheck.Errors);
        }

        var before = OfferingSnapshot.Of(offering);
        db.ExpectVersion(offering, expectedVersion);
        offering.Change(recheck.Value!, SearchTextOf(recheck.Value!, offering.Actor!, refs), clock.UtcNow);
        offering.Publish(clock.Today, clock.UtcNow);
        db.OfferingPendingCopies.Remove(pending);
        audit.Record(new OfferingChanged(offering.Id, OfferingAuditActions.PendingPublished, before, OfferingSnapshot.Of(offering)));
        return await SaveAsync(offering, ct);
    }

    /// <summary>Rejects the supplier's update: the copy goes, the entry stays as it was.</summary>
    public async Task<Result<Offering>> RejectPendingAsync(int partnershipId, int offeringId, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var offering = await LoadAsync(partnershipId, offeringId, ct);
        var pending = offering is null ? null : await db.OfferingPendingCopies.FirstOrDefaultAsync(p => p.OfferingId == offeringId, ct);
        if (offering is null || pending is null)
        {
            return offering is null ? NotFound(offeringId) : NoPending();
        }

        db.OfferingPendingCopies.Remove(pending);
        audit.Record(new OfferingPendingRejected(offering.Id, ProposedSnapshot(offering, Proposed(pending))));
        await db.SaveChangesAsync(ct);
        return Result<Offering>.Ok(offering);
    }

    public static OfferingInput Input(OfferingContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Title, c.Description, c.Categories, c.CpvCodes, c.Municipalities.Select(m => m.Value).ToList(), [], c.TargetGroups, c.ContactName, c.ContactEmail, c.ContactPhone, c.ContactConsent);
    }

    /// <summary>What the full-text index reads: title, description, supplier, its categories (both languages), target groups and CPV labels.</summary>
    public static string SearchTextOf(OfferingContent c, Actor actor, OfferingReferences refs)
    {
        ArgumentNullException.ThrowIfNull(refs);
        return SearchTextOf(c, actor, refs.Categories, refs.Cpv);
    }

    private static string SearchTextOf(OfferingContent c, Actor actor, IReadOnlyDictionary<string, CatalogueCategory> categoryList, CpvVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(actor);
        var categories = c.Categories.Where(categoryList.ContainsKey).SelectMany(k => new[] { categoryList[k].NameNl, categoryList[k].NameEn });
        var groups = c.TargetGroups.Select(g => TargetGroups.NameOf(g)?.Nl ?? g);
        var cpv = c.CpvCodes.Select(code => vocabulary.LabelOf(code) ?? "");
        var text = CatalogueRules.SearchText(c.Title, c.Description, actor.Name, categories, groups, cpv);
        return text.Length > 16000 ? text[..16000] : text;
    }

    /// <summary>
    /// When <paramref name="actor"/> (tracked on <paramref name="db"/>) was renamed, its services get their search text
    /// again (it holds the supplier's name), tracked so they are saved with the rename, in its transaction.
    /// </summary>
    public static async Task ReindexAsync(RegiekamerDb db, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (db.Entry(actor).Property(a => a.Name).OriginalValue == actor.Name)
        {
            return;
        }

        var services = await db.Offerings.Where(o => o.ActorId == actor.Id).ToListAsync(ct);
        if (services.Count == 0)
        {
            return;
        }

        var categories = await db.CatalogueCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        foreach (var service in services)
        {
            service.Reindex(SearchTextOf(service.Content, actor, categories, CpvVocabulary.Shipped));
        }
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static DomainError NoPending() => DomainError.Conflict("no-pending-copy", "Er wacht geen wijziging van de leverancier (meer) voor deze dienst.", "No update of the supplier waits for this service (any more).");

    /// <summary>The copy as it was checked when the supplier sent it (stored as <see cref="OfferingInput"/>, codes as text).</summary>
    private static OfferingContent Proposed(OfferingPendingCopy p)
    {
        var i = JsonSerializer.Deserialize<OfferingInput>(p.ContentJson)!;
        return new OfferingContent(i.Title ?? "", i.Description, i.Categories ?? [], i.CpvCodes ?? [], (i.Municipalities ?? []).Select(NisCode.Parse).ToList(), i.TargetGroups ?? [], i.ContactName, i.ContactEmail, i.ContactPhone, i.ContactConsent);
    }

    private static OfferingSnapshot ProposedSnapshot(Offering o, OfferingContent c)
    {
        var subject = Personal.ContactSubject(c.ContactEmail, c.ContactName);
        return new(o.ActorId, c.Title, c.Description, o.Status.ToString(), CatalogueRules.Day(o.LastConfirmedOn), string.Join(", ", c.Categories), string.Join(", ", c.CpvCodes), string.Join(", ", c.Municipalities), string.Join(", ", c.TargetGroups),
            Personal.Of(c.ContactName, subject), Personal.Of(c.ContactEmail, subject), Personal.Of(c.ContactPhone, subject), c.ContactConsent);
    }

    private async Task<OfferingInvitation?> FindOpenAsync(string? token, CancellationToken ct, bool tracked = false)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token.Trim());
        var query = tracked ? db.OfferingInvitations : db.OfferingInvitations.AsNoTracking();
        var invitation = await query.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsOpen(clock.UtcNow) ? invitation : null;
    }

    private Task<Offering?> LoadAsync(int partnershipId, int offeringId, CancellationToken ct) =>
        db.Offerings.AsSplitQuery().Include(o => o.Actor).FirstOrDefaultAsync(o => o.Id == offeringId && o.Actor!.PartnershipId == partnershipId, ct);

    private async Task<Result<Offering>> StepAsync(int partnershipId, int offeringId, int expectedVersion, string action, Action<Offering> step, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var offering = await LoadAsync(partnershipId, offeringId, ct);
        if (offering is null)
        {
            return NotFound(offeringId);
        }

        var before = OfferingSnapshot.Of(offering);
        db.ExpectVersion(offering, expectedVersion);
        step(offering);
        audit.Record(new OfferingChanged(offering.Id, action, before, OfferingSnapshot.Of(offering)));
        return await SaveAsync(offering, ct);
    }

    private async Task<Result<Offering>> SaveAsync(Offering offering, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<Offering>.Ok(offering);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Concurrency();
        }
    }
}
