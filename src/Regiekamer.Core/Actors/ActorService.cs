using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Actors;

/// <summary>Which actors a list shows: one kind, one municipality (of the address or served), archived ones too.</summary>
public sealed record ActorFilter(string? Kind = null, string? Municipality = null, bool IncludeArchived = false);

/// <summary>One line of an actor list: the actor (without its parts) and its partnership's name.</summary>
public sealed record ActorListItem(Actor Actor, string PartnershipName);

/// <summary>A link as one actor sees it: the other actor, on what, since when.</summary>
public sealed record ActorLinkView(ActorLink Link, int OtherActorId, string OtherActorName, bool OtherArchived);

/// <summary>
/// The actor inventory (issue 10, WSE-LR1). Every read and change names the partnership and the actor, so an actor of
/// another partnership is simply not found (the web gate has judged the caller for the partnership before). Every
/// change goes through the actor's own methods, with the version read (409 when someone saved in between), and is
/// audited in the same transaction. Actors are archived and restored, never deleted.
/// </summary>
public sealed class ActorService(RegiekamerDb db, AuditTrail audit, TimeProvider time)
{
    public const string AuditEntity = "Actor";

    public const string KindAuditEntity = "ActorKind";

    public static DomainError NotFound(int id) => DomainError.NotFound($"Actor {id} bestaat niet in dit regieverband.", $"Actor {id} does not exist in this partnership.");

    public static DomainError Stale { get; } = DomainError.Conflict("concurrency", "Iemand anders bewaarde deze actor intussen; herlaad de pagina en probeer opnieuw.", "Someone else saved this actor in the meantime; reload the page and try again.");

    public static DomainError ArchivedActor { get; } = DomainError.Conflict("archived", "Deze actor is gearchiveerd: herstel hem eerst om hem te wijzigen.", "This actor is archived: restore it first to change it.");

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<List<ActorKind>> KindsAsync(CancellationToken ct = default) =>
        db.ActorKinds.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Code).ToListAsync(ct);

    /// <summary>The department adds a kind to the list; built-in kinds stay, and no kind is removed (actors refer to them).</summary>
    public async Task<Result<ActorKind>> AddKindAsync(string? code, string? nameNl, string? nameEn, CancellationToken ct = default)
    {
        var kinds = await KindsAsync(ct);
        var errors = ActorRules.CheckKind(code, nameNl, nameEn, kinds.Select(k => k.Code).ToHashSet(StringComparer.Ordinal));
        if (errors.Count > 0)
        {
            return Result<ActorKind>.Fail(errors);
        }

        var kind = ActorKind.Add(code!.Trim(), InputText.Clean(nameNl, 200)!, InputText.Clean(nameEn, 200)!, kinds.Count == 0 ? 10 : kinds.Max(k => k.SortOrder) + 10);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ActorKinds.Add(kind);
        audit.Record(new ActorKindAdded(kind.Code, new ActorKindSnapshot(kind.Code, kind.NameNl, kind.NameEn)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("duplicate-kind", $"Code: de soort '{kind.Code}' bestaat al.", $"Code: the kind '{kind.Code}' exists already.", "code");
        }

        await tx.CommitAsync(ct);
        return Result<ActorKind>.Ok(kind);
    }

    /// <summary>The actors of one partnership, or of all (<paramref name="partnershipId"/> null: the department), by name.</summary>
    public async Task<List<ActorListItem>> ListAsync(int? partnershipId, ActorFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Actors.AsNoTracking().IgnoreAutoIncludes().AsQueryable();
        if (partnershipId is { } pid)
        {
            query = query.Where(a => a.PartnershipId == pid);
        }

        if (!filter.IncludeArchived)
        {
            query = query.Where(a => a.ArchivedAtUtc == null);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            var kind = filter.Kind.Trim();
            query = query.Where(a => a.KindCode == kind);
        }

        if (NisCode.TryParse(filter.Municipality?.Trim(), out var nis))
        {
            NisCode? address = nis;
            query = query.Where(a => a.MunicipalityNisCode == address || db.Set<ActorServedMunicipality>().Any(m => m.ActorId == a.Id && m.NisCode == nis));
        }

        var rows = await query
            .Join(db.Partnerships, a => a.PartnershipId, p => p.Id, (a, p) => new { Actor = a, p.Name })
            .ToListAsync(ct);
        return rows.Select(r => new ActorListItem(r.Actor, r.Name))
            .OrderBy(r => r.Actor.Name, StringComparer.Create(Formats.Dutch, System.Globalization.CompareOptions.IgnoreCase))
            .ThenBy(r => r.Actor.Id)
            .ToList();
    }

    /// <summary>One actor of the partnership with all its parts; null when there is none of that id in that partnership.</summary>
    public Task<Actor?> GetAsync(int partnershipId, int actorId, CancellationToken ct = default) =>
        db.Actors.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == actorId && a.PartnershipId == partnershipId, ct);

    /// <summary>The actor's links, as it sees them (the other actor's id and name), both directions.</summary>
    public async Task<List<ActorLinkView>> LinksAsync(int actorId, CancellationToken ct = default)
    {
        var links = await db.ActorLinks.AsNoTracking().Where(l => l.FromActorId == actorId || l.ToActorId == actorId).ToListAsync(ct);
        var others = links.Select(l => l.FromActorId == actorId ? l.ToActorId : l.FromActorId).ToHashSet();
        var names = await db.Actors.AsNoTracking().IgnoreAutoIncludes().Where(a => others.Contains(a.Id)).Select(a => new { a.Id, a.Name, a.ArchivedAtUtc }).ToDictionaryAsync(a => a.Id, ct);
        return links.Select(l =>
            {
                var other = l.FromActorId == actorId ? l.ToActorId : l.FromActorId;
                return new ActorLinkView(l, other, names[other].Name, names[other].ArchivedAtUtc is not null);
            })
            .OrderBy(v => v.OtherActorName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The member municipalities of the partnership: those an actor can have ties with.</summary>
    public Task<List<NisCode>> MembersAsync(int partnershipId, CancellationToken ct = default) =>
        db.PartnershipMembers.AsNoTracking().Where(m => m.PartnershipId == partnershipId).Select(m => m.NisCode).ToListAsync(ct);

    /// <summary>The municipalities of the 2025 set by NIS code, with their names (addresses and areas served are on that set).</summary>
    public async Task<IReadOnlyDictionary<NisCode, string>> Municipalities2025Async(CancellationToken ct = default) =>
        await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2025).ToDictionaryAsync(m => m.NisCode, m => m.Name, ct);

    /// <summary>Municipality names by NIS code, the 2025 set over the 2019 one (a partnership's members may be on either).</summary>
    public async Task<IReadOnlyDictionary<NisCode, string>> MunicipalityNamesAsync(CancellationToken ct = default)
    {
        var rows = await db.Municipalities.AsNoTracking().Select(m => new { m.Set, m.NisCode, m.Name }).ToListAsync(ct);
        var names = new Dictionary<NisCode, string>();
        foreach (var m in rows.OrderBy(m => m.Set == MunicipalitySet.Set2025 ? 1 : 0))
        {
            names[m.NisCode] = m.Name;
        }

        return names;
    }

    public async Task<Result<Actor>> CreateAsync(int partnershipId, ActorInput input, bool isDemo = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var valid = await ValidateAsync(input, ct);
        if (!valid.IsSuccess)
        {
            return Result<Actor>.Fail(valid.Errors);
        }

        var actor = Actor.Create(partnershipId, valid.Value!, Now, isDemo);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Actors.Add(actor);
        await db.SaveChangesAsync(ct);
        audit.Record(new ActorCreated(actor.Id, ActorSnapshot.Of(actor)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Actor>.Ok(actor);
    }

    public async Task<Result<Actor>> UpdateAsync(int partnershipId, int actorId, ActorInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var valid = await ValidateAsync(input, ct);
        if (!valid.IsSuccess)
        {
            return Result<Actor>.Fail(valid.Errors);
        }

        return await ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            var before = ActorSnapshot.Of(actor);
            actor.Apply(valid.Value!, Now);
            return Done(() => [new ActorUpdated(actor.Id, before, ActorSnapshot.Of(actor))]);
        }, ct, alsoAsync: actor => Catalogue.OfferingService.ReindexAsync(db, actor, ct));
    }

    public Task<Result<Actor>> ArchiveAsync(int partnershipId, int actorId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            var before = ActorSnapshot.Of(actor);
            actor.Archive(Now);
            return Done(() => [new ActorArchived(actor.Id, before, ActorSnapshot.Of(actor))]);
        }, ct);

    public Task<Result<Actor>> RestoreAsync(int partnershipId, int actorId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            if (!actor.IsArchived)
            {
                return DomainError.Conflict("not-archived", "Deze actor is niet gearchiveerd.", "This actor is not archived.");
            }

            var before = ActorSnapshot.Of(actor);
            actor.Restore(Now);
            return Done(() => [new ActorRestored(actor.Id, before, ActorSnapshot.Of(actor))]);
        }, ct, allowArchived: true);

    public Task<Result<Actor>> AddRecognitionAsync(int partnershipId, int actorId, RecognitionInput input, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            var valid = ActorRules.Validate(input);
            if (!valid.IsSuccess)
            {
                return Result<Func<IReadOnlyList<AuditEvent>>>.Fail(valid.Errors);
            }

            var added = actor.AddRecognition(valid.Value!, Now);
            return Done(() => [new ActorRecognitionAdded(actor.Id, ActorRecognitionSnapshot.Of(added))]);
        }, ct);

    public Task<Result<Actor>> RemoveRecognitionAsync(int partnershipId, int actorId, int recognitionId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            if (actor.Recognitions.FirstOrDefault(r => r.Id == recognitionId) is not { } removed)
            {
                return PartNotFound("Erkenning", "Recognition", recognitionId);
            }

            var snapshot = ActorRecognitionSnapshot.Of(removed);
            actor.RemoveRecognition(recognitionId, Now);
            return Done(() => [new ActorRecognitionRemoved(actor.Id, snapshot)]);
        }, ct);

    public Task<Result<Actor>> AddContactAsync(int partnershipId, int actorId, ContactInput input, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            var valid = ActorRules.Validate(input);
            if (!valid.IsSuccess)
            {
                return Result<Func<IReadOnlyList<AuditEvent>>>.Fail(valid.Errors);
            }

            var added = actor.AddContact(valid.Value!, Now);
            return Done(() => [new ActorContactAdded(actor.Id, ActorContactSnapshot.Of(added))]);
        }, ct);

    /// <summary>Removes a contact person: the row is deleted (personal data), the trail keeps erasable references only.</summary>
    public Task<Result<Actor>> RemoveContactAsync(int partnershipId, int actorId, int contactId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            if (actor.Contacts.FirstOrDefault(c => c.Id == contactId) is not { } removed)
            {
                return PartNotFound("Contactpersoon", "Contact", contactId);
            }

            var snapshot = ActorContactSnapshot.Of(removed);
            actor.RemoveContact(contactId, Now);
            return Done(() => [new ActorContactRemoved(actor.Id, snapshot)]);
        }, ct);

    public async Task<Result<Actor>> AddTieAsync(int partnershipId, int actorId, TieInput input, int expectedVersion, CancellationToken ct = default)
    {
        var members = await MembersAsync(partnershipId, ct);
        return await ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            var valid = ActorRules.Validate(input, members, actor.Ties);
            if (!valid.IsSuccess)
            {
                return Result<Func<IReadOnlyList<AuditEvent>>>.Fail(valid.Errors);
            }

            var added = actor.AddTie(valid.Value!, Now);
            return Done(() => [new ActorTieAdded(actor.Id, ActorTieSnapshot.Of(added))]);
        }, ct);
    }

    public Task<Result<Actor>> RemoveTieAsync(int partnershipId, int actorId, int tieId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            if (actor.Ties.FirstOrDefault(t => t.Id == tieId) is not { } removed)
            {
                return PartNotFound("Band", "Tie", tieId);
            }

            var snapshot = ActorTieSnapshot.Of(removed);
            actor.RemoveTie(tieId, Now);
            return Done(() => [new ActorTieRemoved(actor.Id, snapshot)]);
        }, ct);

    /// <summary>Records that the actor works with another actor of the same partnership; audited on both.</summary>
    public async Task<Result<Actor>> AddLinkAsync(int partnershipId, int actorId, LinkInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var otherInPartnership = input.OtherActorId is { } o && await db.Actors.AnyAsync(a => a.Id == o && a.PartnershipId == partnershipId, ct);
        var existing = await db.ActorLinks.AsNoTracking().Where(l => l.FromActorId == actorId || l.ToActorId == actorId).Select(l => new { l.FromActorId, l.ToActorId }).ToListAsync(ct);
        ActorLink? link = null;
        return await ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            var errors = ActorRules.CheckLink(actorId, input, otherInPartnership, existing.Select(e => (e.FromActorId, e.ToActorId)));
            if (errors.Count > 0)
            {
                return Result<Func<IReadOnlyList<AuditEvent>>>.Fail(errors);
            }

            link = new ActorLink { FromActorId = actorId, ToActorId = input.OtherActorId!.Value, About = InputText.Clean(input.About, 500)!, Since = input.Since, CreatedAtUtc = Now };
            db.ActorLinks.Add(link);
            actor.Touch(Now);
            return Done(() => [new ActorLinkAdded(actorId, ActorLinkSnapshot.Of(link)), new ActorLinkAdded(link.ToActorId, ActorLinkSnapshot.Of(link))]);
        }, ct, duplicate: DomainError.Conflict("duplicate-link", "Deze samenwerking staat er al.", "This cooperation is recorded already.", "otherActorId"));
    }

    public Task<Result<Actor>> RemoveLinkAsync(int partnershipId, int actorId, int linkId, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(partnershipId, actorId, expectedVersion, actor =>
        {
            var link = db.ActorLinks.FirstOrDefault(l => l.Id == linkId && (l.FromActorId == actorId || l.ToActorId == actorId));
            if (link is null)
            {
                return PartNotFound("Samenwerking", "Cooperation", linkId);
            }

            var snapshot = ActorLinkSnapshot.Of(link);
            db.ActorLinks.Remove(link);
            actor.Touch(Now);
            return Done(() => [new ActorLinkRemoved(snapshot.FromActorId, snapshot), new ActorLinkRemoved(snapshot.ToActorId, snapshot)]);
        }, ct);

    private async Task<Result<ValidActor>> ValidateAsync(ActorInput input, CancellationToken ct)
    {
        var kinds = (await KindsAsync(ct)).Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        var municipalities = (await Municipalities2025Async(ct)).Keys.ToHashSet();
        return ActorRules.Validate(input, kinds, municipalities);
    }

    private static Result<Func<IReadOnlyList<AuditEvent>>> Done(Func<IReadOnlyList<AuditEvent>> events) => Result<Func<IReadOnlyList<AuditEvent>>>.Ok(events);

    private static DomainError PartNotFound(string nl, string en, int id) => DomainError.NotFound($"{nl} {id} hoort niet bij deze actor.", $"{en} {id} is not part of this actor.");

    /// <summary>
    /// One change of an actor: loaded with its parts (only in its partnership), refused when archived, changed by
    /// <paramref name="change"/> (with <paramref name="alsoAsync"/>: what else it takes along), saved against the version read, then audited (after the save, so that new parts
    /// have their ids) in the same transaction.
    /// </summary>
    private async Task<Result<Actor>> ChangeAsync(
        int partnershipId, int actorId, int expectedVersion, Func<Actor, Result<Func<IReadOnlyList<AuditEvent>>>> change, CancellationToken ct, bool allowArchived = false, DomainError? duplicate = null, Func<Actor, Task>? alsoAsync = null)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var actor = await db.Actors.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == actorId && a.PartnershipId == partnershipId, ct);
        if (actor is null)
        {
            return NotFound(actorId);
        }

        if (actor.IsArchived && !allowArchived)
        {
            return ArchivedActor;
        }

        var changed = change(actor);
        if (!changed.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return Result<Actor>.Fail(changed.Errors);
        }

        if (alsoAsync is not null)
        {
            await alsoAsync(actor);
        }

        db.ExpectVersion(actor, expectedVersion);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale;
        }
        catch (DbUpdateException) when (duplicate is not null)
        {
            db.ChangeTracker.Clear();
            return duplicate;
        }

        foreach (var e in changed.Value!())
        {
            audit.Record(e);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Actor>.Ok(actor);
    }
}
