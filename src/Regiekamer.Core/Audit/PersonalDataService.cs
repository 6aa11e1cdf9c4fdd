using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Core.Audit;

/// <summary>Who to export or erase: by e-mail address (an account, a partnership's contact), or by name (a contact without an e-mail).</summary>
public sealed record PersonQuery(string? Email, string? Name = null)
{
    public string? CleanEmail => string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();

    public string? CleanName => string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
}

/// <summary>A format 1 record whose personal values an erasure took out, and the digest its content has since.</summary>
public sealed record RedactedRecord(long Record, string Digest);

/// <summary>What an erasure did, as the trail keeps it: counts and the redacted older records, never whom.</summary>
[Audited(EntityType, "Persoon", "Person")]
public sealed record PersonErasure(
    [property: Label("Gewiste persoonsgegevens", "Personal values erased")] int Values,
    [property: Label("Verwijderde accounts", "Accounts deleted")] int Accounts,
    [property: Label("Gewiste contactgegevens van regieverbanden", "Partnership contacts cleared")] int Contacts,
    [property: Label("Oudere records zonder persoonsgegevens gemaakt", "Older records redacted")] IReadOnlyList<RedactedRecord> Redacted,
    [property: Label("Gewiste contactgegevens in aanvraagdossiers", "Dossier contacts cleared")] int DossierContacts = 0) : IAuditSnapshot
{
    public const string EntityType = "Person";
}

public static class PersonActions
{
    [Label("Gewist", "Erased")]
    public const string Erased = PersonErased.ActionName;
}

/// <summary>GDPR art. 17: a person's personal data erased; the entity id is the erasure's own random id.</summary>
public sealed record PersonErased(Guid ErasureId, PersonErasure Erasure) : AuditEvent
{
    public const string ActionName = "Erased";

    public override string EntityType => PersonErasure.EntityType;

    public override string EntityId => KeyOf(ErasureId);

    public override string Action => ActionName;

    public override object? Before => null;

    public override object? After => Erasure;
}

/// <summary>The account of a deleted (erased) user.</summary>
public sealed record UserDeleted(Guid UserId, UserSnapshot User) : Deleted<UserSnapshot>(KeyOf(UserId), User);

/// <summary>Everything Regiekamer holds about one person (GDPR art. 15), as one JSON document.</summary>
public sealed record PersonExport(
    PersonQuery Query,
    DateTime ExportedAtUtc,
    JsonObject? Account,
    IReadOnlyList<JsonObject> PartnershipContacts,
    IReadOnlyList<JsonObject> DossierContacts,
    IReadOnlyList<JsonObject> PersonalValues,
    IReadOnlyList<JsonObject> AuditRecords,
    IReadOnlyList<JsonObject> Notifications,
    IReadOnlyList<JsonObject>? VoucherContacts = null,
    IReadOnlyList<JsonObject>? ActorContacts = null);

/// <param name="Notifications">The notifications deleted: to their account or to their address.</param>
/// <param name="DossierContacts">Their details cleared as a dossier's regisseur or signatory, and in submitted versions' contacts.</param>
/// <param name="VoucherContacts">Vouchers on which they were the applying company's contact, their details cleared.</param>
/// <param name="ActorContacts">Their entries as a contact person of an actor of the inventory, removed.</param>
public sealed record ErasureResult(Guid ErasureId, int Values, int Accounts, int Contacts, int RedactedRecords, int Notifications, int DossierContacts = 0, int VoucherContacts = 0, int ActorContacts = 0);

/// <summary>
/// Exports and erases what Regiekamer holds about one person (docs/privacy.md). Erasing deletes their account, clears
/// their contact details on partnerships, clears every personal value the audit trail refers to, and takes their values
/// out of records written before references existed (format 1), committing to those records' new digests in the
/// chained erasure record: afterwards the records read "gewiste persoon" and <c>audit verify</c> still finds the chain intact.
/// </summary>
public sealed class PersonalDataService(RegiekamerDb db, UserManager<RegiekamerUser> users, AuditTrail audit, ApiTokenCache tokens, TimeProvider time)
{
    public async Task<Result<PersonExport>> ExportAsync(PersonQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var person = await FindAsync(query, ct);
        if (!person.IsSuccess)
        {
            return Result<PersonExport>.Fail(person.Errors);
        }

        var p = person.Value!;
        JsonObject? account = null;
        if (p.User is { } user)
        {
            var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).ToListAsync(ct);
            var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Id).ToListAsync(ct);
            account = new JsonObject
            {
                ["id"] = user.Id.ToString("D"),
                ["email"] = user.Email,
                ["displayName"] = user.DisplayName,
                ["createdAtUtc"] = user.CreatedAtUtc,
                ["twoFactor"] = user.TwoFactorEnabled,
                ["lockoutEnd"] = user.LockoutEnd,
                ["roles"] = new JsonArray(roles.Select(r => (JsonNode?)RoleGrant.Of(r).ToString()).ToArray()),
                ["apiTokens"] = new JsonArray(tokens.Select(t => (JsonNode?)new JsonObject
                {
                    ["name"] = t.Name,
                    ["prefix"] = t.Prefix,
                    ["createdAtUtc"] = t.CreatedAtUtc,
                    ["expiresAtUtc"] = t.ExpiresAtUtc,
                    ["revokedAtUtc"] = t.RevokedAtUtc,
                    ["lastUsedAtUtc"] = t.LastUsedAtUtc,
                }).ToArray()),
            };
        }

        var contacts = (await ContactsAsync(p, ct)).Select(c => new JsonObject
        {
            ["partnershipId"] = c.Id,
            ["partnership"] = c.Name,
            ["regisseurName"] = c.RegisseurName,
            ["regisseurEmail"] = c.RegisseurEmail,
            ["regisseurPhone"] = c.RegisseurPhone,
        }).ToList();
        var dossierContacts = new List<JsonObject>();
        foreach (var (dossier, role) in await DossierContactsAsync(p, ct))
        {
            var contact = role == "regisseur" ? dossier.Regisseur : dossier.Signatory;
            dossierContacts.Add(new JsonObject
            {
                ["dossier"] = dossier.DossierNumber,
                ["role"] = role,
                ["name"] = contact.Name,
                ["email"] = contact.Email,
                ["phone"] = contact.Phone,
            });
        }

        foreach (var version in await VersionContactsAsync(p, ct))
        {
            dossierContacts.Add(new JsonObject { ["dossierId"] = version.ApplicationId, ["version"] = version.Number, ["contactsAtSubmission"] = JsonNode.Parse(version.Contacts!) });
        }

        var data = await db.PersonalData.AsNoTracking().Where(d => p.Subjects.Contains(d.Subject)).OrderBy(d => d.CreatedAtUtc).ToListAsync(ct);
        var values = data.Select(d => new JsonObject { ["id"] = d.Id.ToString("D"), ["value"] = d.Value, ["recordedAtUtc"] = d.CreatedAtUtc }).ToList();

        var ids = data.Select(d => d.Id.ToString("D")).ToHashSet(StringComparer.Ordinal);
        var records = new List<AuditRecord>();
        await foreach (var r in db.AuditRecords.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (Mentions(r, p, ids))
            {
                records.Add(r);
            }
        }

        var views = await AuditReader.ResolveAsync(db, records, ct);
        var audit = views.Select(v => new JsonObject
        {
            ["id"] = v.Record.Id,
            ["atUtc"] = v.Record.AtUtc,
            ["actor"] = v.ActorName,
            ["actorRole"] = v.Record.ActorRole,
            ["entityType"] = v.Record.EntityType,
            ["entityId"] = v.Record.EntityId,
            ["action"] = v.Record.Action,
            ["before"] = v.Before is null ? null : JsonNode.Parse(v.Before),
            ["after"] = v.After is null ? null : JsonNode.Parse(v.After),
        }).ToList();
        var notifications = (await NotificationsOf(p).AsNoTracking().OrderBy(n => n.Id).ToListAsync(ct)).Select(n => new JsonObject
        {
            ["id"] = n.Id,
            ["kind"] = n.Kind.ToString(),
            ["email"] = n.Email,
            ["subject"] = n.SubjectNl,
            ["subjectEn"] = n.SubjectEn,
            ["text"] = n.TextNl,
            ["textEn"] = n.TextEn,
            ["link"] = n.Link,
            ["createdAtUtc"] = n.CreatedAtUtc,
            ["readAtUtc"] = n.ReadAtUtc,
            ["mail"] = n.MailState.ToString(),
            ["sentAtUtc"] = n.SentAtUtc,
        }).ToList();
        var voucherContacts = (await VoucherContactsAsync(p, ct)).Select(v => new JsonObject
        {
            ["voucherId"] = v.Id,
            ["schemeId"] = v.VoucherSchemeId,
            ["company"] = v.CompanyName,
            ["name"] = v.ContactName,
            ["email"] = v.ContactEmail,
            ["phone"] = v.ContactPhone,
            ["ipAddress"] = v.IpAddress,
            ["appliedAtUtc"] = v.AppliedAtUtc,
        }).ToList();
        var actorContacts = (await ActorContactsAsync(p, ct)).Select(c => new JsonObject
        {
            ["actorId"] = c.ActorId,
            ["name"] = c.Name,
            ["role"] = c.Role,
            ["email"] = c.Email,
            ["phone"] = c.Phone,
            ["publicationConsent"] = c.PublicationConsent,
        }).ToList();
        return Result<PersonExport>.Ok(new PersonExport(query, time.GetUtcNow().UtcDateTime, account, contacts, dossierContacts, values, audit, notifications, voucherContacts, actorContacts));
    }

    public async Task<Result<ErasureResult>> EraseAsync(PersonQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var person = await FindAsync(query, ct);
        if (!person.IsSuccess)
        {
            return Result<ErasureResult>.Fail(person.Errors);
        }

        var p = person.Value!;
        if (p.User is { } admin && await IsLastAdministratorAsync(admin, ct))
        {
            return DomainError.Conflict(
                "last-administrator",
                "Dit is de laatste actieve beheerder; maak eerst iemand anders beheerder.",
                "This is the last active administrator; make someone else an administrator first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var erasureId = Guid.NewGuid();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // 1. Their contact details on partnerships, each change audited as any other.
        var contacts = await ContactsAsync(p, ct, tracked: true);
        foreach (var partnership in contacts)
        {
            var before = PartnershipSnapshot.Of(partnership);
            partnership.RegisseurName = null;
            partnership.RegisseurEmail = null;
            partnership.RegisseurPhone = null;
            partnership.UpdatedAtUtc = now;
            audit.Record(new PartnershipUpdated(partnership.Id, before, PartnershipSnapshot.Of(partnership)));
        }

        // 1b. Their contact details on application dossiers (the information form), each change audited, and in the
        // contacts kept beside submitted versions (outside the hashed content, so the versions' hashes still hold).
        var dossierContacts = 0;
        foreach (var (dossier, role) in await DossierContactsAsync(p, ct, tracked: true))
        {
            var before = ApplicationInformationSnapshot.Of(dossier);
            dossier.ForgetContact(role == "regisseur", role == "signatory", now);
            audit.Record(new ApplicationInformationUpdated(dossier.Id, before, ApplicationInformationSnapshot.Of(dossier)));
            dossierContacts++;
        }

        foreach (var version in await VersionContactsAsync(p, ct, tracked: true))
        {
            version.Contacts = ForgetInContacts(version.Contacts!, p);
            dossierContacts++;
        }

        // 1c. Their details as a voucher applicant's contact (the enterprise stays), and their entries as an actor's
        // contact person (removed, as the inventory removes a contact), each change audited.
        var voucherContacts = await VoucherContactsAsync(p, ct, tracked: true);
        foreach (var voucher in voucherContacts)
        {
            var before = VoucherSnapshot.Of(voucher);
            voucher.ForgetContact(now);
            audit.Record(new VoucherChanged(voucher.Id, VoucherControlActions.ContactErased, before, VoucherSnapshot.Of(voucher)));
        }

        var actorContacts = await ActorContactsAsync(p, ct);
        var actorIds = actorContacts.Select(c => c.ActorId).Distinct().ToList();
        foreach (var owner in await db.Actors.Where(a => actorIds.Contains(a.Id)).ToListAsync(ct))
        {
            foreach (var contact in owner.Contacts.Where(c => actorContacts.Any(a => a.Id == c.Id)).ToList())
            {
                var snapshot = ActorContactSnapshot.Of(contact);
                owner.RemoveContact(contact.Id, now);
                audit.Record(new ActorContactRemoved(owner.Id, snapshot));
            }
        }

        await db.SaveChangesAsync(ct);

        // 1b. The notifications to them (their account's, and those mailed to their address): texts that name them, and the address.
        var notifications = await NotificationsOf(p).ExecuteDeleteAsync(ct);

        // 2. Their account: deleted, with its roles and tokens; its history keeps the deletion.
        var accounts = 0;
        if (p.User is { } user)
        {
            var tracked = await users.FindByIdAsync(user.Id.ToString("D"));
            if (tracked is not null)
            {
                var roles = await db.RoleAssignments.Where(r => r.UserId == tracked.Id).ToListAsync(ct);
                var record = audit.Record(new UserDeleted(tracked.Id, UserSnapshot.Of(tracked, roles)));
                var deleted = await users.DeleteAsync(tracked);
                if (!deleted.Succeeded)
                {
                    audit.Withdraw(record);
                    return DomainError.Conflict("erase-failed", "Het account kon niet verwijderd worden; probeer opnieuw.", "The account could not be deleted; try again.");
                }

                accounts = 1;
            }
        }

        // 3. Every personal value the trail refers to, including those just recorded.
        var values = await db.PersonalData.Where(d => p.Subjects.Contains(d.Subject))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Value, (string?)null).SetProperty(d => d.Subject, PersonalDatum.ErasedSubject).SetProperty(d => d.ErasedAtUtc, now), ct);

        // 4. Records written before references existed: their values replaced by a reference to an erased value.
        var marker = new PersonalDatum { Id = Guid.NewGuid(), Subject = PersonalDatum.ErasedSubject, Value = null, CreatedAtUtc = now, ErasedAtUtc = now };
        db.PersonalData.Add(marker);
        await db.SaveChangesAsync(ct);
        var redacted = new List<RedactedRecord>();
        var legacy = await db.AuditRecords.AsNoTracking().Where(a => a.Format == AuditTrail.LegacyFormat).OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var record in legacy)
        {
            if (Redact(record, p, marker.Id) is not { } changed)
            {
                continue;
            }

            await db.AuditRecords.Where(a => a.Id == record.Id).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.ActorName, changed.ActorName).SetProperty(a => a.Before, changed.Before).SetProperty(a => a.After, changed.After), ct);
            redacted.Add(new RedactedRecord(record.Id, AuditTrail.Chain.HashV1(changed)));
        }

        // 5. The erasure itself, chained: what was done, and the digests the redacted records have now.
        audit.Record(new PersonErased(erasureId, new PersonErasure(values, accounts, contacts.Count, redacted, dossierContacts)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (p.User is { } gone)
        {
            tokens.EvictUser(gone.Id);
        }

        return Result<ErasureResult>.Ok(new ErasureResult(erasureId, values, accounts, contacts.Count, redacted.Count, notifications, dossierContacts, voucherContacts.Count, actorContacts.Count));
    }

    /// <summary>The person behind a query: their account (if any), the subjects their values are kept under, their plain values.</summary>
    private sealed record Person(RegiekamerUser? User, HashSet<string> Subjects, string? Email, string? Name);

    private async Task<Result<Person>> FindAsync(PersonQuery query, CancellationToken ct)
    {
        var email = query.CleanEmail;
        var name = query.CleanName;
        if (email is null && name is null)
        {
            return DomainError.Invalid("validation", "Geef het e-mailadres of de naam van de persoon.", "Give the person's e-mail address or name.", "email");
        }

        var user = email is null ? null : await users.FindByEmailAsync(email);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        if (user is not null)
        {
            subjects.Add(Personal.UserSubject(user.Id));
        }

        if (email is not null)
        {
            subjects.Add(Personal.ContactSubject(email, null));
        }

        if (name is not null)
        {
            subjects.Add(Personal.ContactSubject(null, name));
        }

        var known = user is not null
            || await db.PersonalData.AnyAsync(d => subjects.Contains(d.Subject), ct)
            || (await ContactsAsync(new Person(null, subjects, email, name), ct)).Count > 0
            || (await DossierContactsAsync(new Person(null, subjects, email, name), ct)).Count > 0
            || (await VoucherContactsAsync(new Person(null, subjects, email, name), ct)).Count > 0
            || (await ActorContactsAsync(new Person(null, subjects, email, name), ct)).Count > 0
            || await NotificationsOf(new Person(null, subjects, email, name)).AnyAsync(ct)
            || await MentionedInLegacyAsync(email, name, ct);
        return known
            ? Result<Person>.Ok(new Person(user, subjects, email, name ?? user?.DisplayName))
            : DomainError.NotFound("Regiekamer houdt over deze persoon geen gegevens bij.", "Regiekamer holds no data about this person.");
    }

    private async Task<bool> MentionedInLegacyAsync(string? email, string? name, CancellationToken ct)
    {
        var text = (email ?? name)!.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(); a culture or StringComparison cannot be translated.
        return await db.AuditRecords.AnyAsync(
            a => a.Format == AuditTrail.LegacyFormat && (a.ActorName.ToUpper() == text || (a.Before ?? "").ToUpper().Contains(text) || (a.After ?? "").ToUpper().Contains(text)), ct);
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The dossiers whose regisseur or signatory is this person (by e-mail, or by name where no e-mail is given), with which of the two.</summary>
    private async Task<List<(Application Dossier, string Role)>> DossierContactsAsync(Person p, CancellationToken ct, bool tracked = false)
    {
        var query = (tracked ? db.Applications : db.Applications.AsNoTracking()).IgnoreAutoIncludes();
        var email = p.Email?.ToUpperInvariant();
        var name = p.Name?.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper().
        var dossiers = await query.Where(x =>
                (email != null && ((x.RegisseurEmail != null && x.RegisseurEmail.ToUpper() == email) || (x.SignatoryEmail != null && x.SignatoryEmail.ToUpper() == email)))
                || (name != null && ((x.RegisseurEmail == null && x.RegisseurName != null && x.RegisseurName.ToUpper() == name) || (x.SignatoryEmail == null && x.SignatoryName != null && x.SignatoryName.ToUpper() == name))))
            .OrderBy(x => x.Id).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        var found = new List<(Application, string)>();
        foreach (var d in dossiers)
        {
            if (Is(d.Regisseur, p))
            {
                found.Add((d, "regisseur"));
            }

            if (Is(d.Signatory, p))
            {
                found.Add((d, "signatory"));
            }
        }

        return found;
    }

    private static bool Is(ContactPerson c, Person p) =>
        (p.Email is not null && string.Equals(c.Email, p.Email, StringComparison.OrdinalIgnoreCase))
        || (p.Name is not null && c.Email is null && string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Submitted versions whose contacts (kept beside the hashed content) mention this person.</summary>
    private async Task<List<ApplicationVersion>> VersionContactsAsync(Person p, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.ApplicationVersions : db.ApplicationVersions.AsNoTracking();
        var text = (p.Email ?? p.Name)!.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper().
        var candidates = await query.Where(v => v.Contacts != null && v.Contacts.ToUpper().Contains(text)).OrderBy(v => v.Id).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        return candidates.Where(v => Contacts(v.Contacts!).Any(c => Is(c, p))).ToList();
    }

    private static IEnumerable<ContactPerson> Contacts(string json)
    {
        var node = JsonNode.Parse(json)?.AsObject();
        foreach (var role in new[] { "regisseur", "signatory" })
        {
            if (node?[role] is JsonObject c)
            {
                yield return new ContactPerson((string?)c["name"], (string?)c["email"], (string?)c["phone"]);
            }
        }
    }

    /// <summary>The contacts JSON with this person's entries emptied.</summary>
    private static string ForgetInContacts(string json, Person p)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var role in new[] { "regisseur", "signatory" })
        {
            if (node[role] is JsonObject c && Is(new ContactPerson((string?)c["name"], (string?)c["email"], (string?)c["phone"]), p))
            {
                node[role] = new JsonObject { ["name"] = null, ["email"] = null, ["phone"] = null };
            }
        }

        return node.ToJsonString();
    }

    /// <summary>The notifications for this person: to their account, or mailed to their address (in any case).</summary>
    private IQueryable<Notification> NotificationsOf(Person p)
    {
        var userId = p.User?.Id;
        var email = p.Email?.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper().
        return db.Notifications.Where(n => (userId != null && n.UserId == userId) || (email != null && n.Email != null && n.Email.ToUpper() == email));
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The vouchers whose applying company's contact is this person: by e-mail, or by name where no e-mail is given.</summary>
    private async Task<List<Voucher>> VoucherContactsAsync(Person p, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Vouchers : db.Vouchers.AsNoTracking();
        var email = p.Email?.ToUpperInvariant();
        var name = p.Name?.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper().
        return await query.Where(x =>
                (email != null && x.ContactEmail != null && x.ContactEmail.ToUpper() == email)
                || (name != null && x.ContactEmail == null && x.ContactName != null && x.ContactName.ToUpper() == name))
            .OrderBy(x => x.Id).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The actors' contact persons who are this person: by e-mail, or by name where no e-mail is given.</summary>
    private async Task<List<ActorContact>> ActorContactsAsync(Person p, CancellationToken ct)
    {
        var email = p.Email?.ToUpperInvariant();
        var name = p.Name?.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper().
        return await db.ActorContacts.AsNoTracking().Where(x =>
                (email != null && x.Email != null && x.Email.ToUpper() == email)
                || (name != null && x.Email == null && x.Name.ToUpper() == name))
            .OrderBy(x => x.Id).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The partnerships whose regisseur contact is this person: by e-mail, or by name where no e-mail is given.</summary>
    private async Task<List<Partnership>> ContactsAsync(Person p, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Partnerships : db.Partnerships.AsNoTracking();
        var email = p.Email?.ToUpperInvariant();
        var name = p.Name?.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper().
        return await query.Where(x =>
                (email != null && x.RegisseurEmail != null && x.RegisseurEmail.ToUpper() == email)
                || (name != null && x.RegisseurEmail == null && x.RegisseurName != null && x.RegisseurName.ToUpper() == name))
            .OrderBy(x => x.Id).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
    }

    private async Task<bool> IsLastAdministratorAsync(RegiekamerUser user, CancellationToken ct)
    {
        if (!await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == Role.Administrator, ct))
        {
            return false;
        }

        var others = await db.RoleAssignments.Where(r => r.Role == Role.Administrator && r.UserId != user.Id).Select(r => r.UserId).ToListAsync(ct);
        var lockouts = await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).Select(u => u.LockoutEnd).ToListAsync(ct);
        return !lockouts.Any(end => end != AccountService.LockedByAdministrator);
    }

    /// <summary>Whether a record is about, or by, the person: by account, by a reference to one of their values, or (format 1) by their plain values.</summary>
    private static bool Mentions(AuditRecord r, Person p, HashSet<string> ids)
    {
        if (p.User is { } user && r.ActorUserId == user.Id)
        {
            return true;
        }

        if (r.Format != AuditTrail.LegacyFormat)
        {
            return (r.ActorName.StartsWith(Personal.ReferencePrefix, StringComparison.Ordinal) && ids.Contains(r.ActorName[Personal.ReferencePrefix.Length..]))
                || ids.Any(id => (r.Before?.Contains(id, StringComparison.Ordinal) ?? false) || (r.After?.Contains(id, StringComparison.Ordinal) ?? false));
        }

        return Redact(r, p, Guid.Empty) is not null;
    }

    private static readonly string[] PartnershipContactFields = ["RegisseurName", "RegisseurEmail", "RegisseurPhone"];

    /// <summary>
    /// A format 1 record with the person's values replaced by a reference to an erased value, or null when it holds none:
    /// the actor's name when they acted; a user's e-mail and name in their own records; the user of their API tokens; a
    /// partnership's contact fields where the contact is them; any other top-level value equal to their e-mail address.
    /// </summary>
    private static AuditRecord? Redact(AuditRecord r, Person p, Guid marker)
    {
        var email = p.Email;
        var userId = p.User?.Id;
        var changed = false;
        var actorName = r.ActorName;
        if ((userId is { } uid && r.ActorUserId == uid) || (email is not null && string.Equals(r.ActorName, email, StringComparison.OrdinalIgnoreCase)))
        {
            actorName = Personal.ReferencePrefix + marker.ToString("D");
            changed = true;
        }

        string? Rewrite(string? json)
        {
            if (json is null)
            {
                return null;
            }

            JsonObject? o;
            try
            {
                o = JsonNode.Parse(json) as JsonObject;
            }
            catch (JsonException)
            {
                return json;
            }

            if (o is null)
            {
                return json;
            }

            var fields = new HashSet<string>(StringComparer.Ordinal);
            if (r.EntityType == AccountService.AuditEntity && userId is { } id && r.EntityId == id.ToString("D"))
            {
                fields.UnionWith(["Email", "DisplayName"]);
            }

            if (r.EntityType == ApiTokenService.AuditEntity && userId is { } owner && Text(o, "UserId") is { } tokenUser && string.Equals(tokenUser, owner.ToString("D"), StringComparison.OrdinalIgnoreCase))
            {
                fields.Add("User");
            }

            if (r.EntityType == PartnershipService.AuditEntity
                && ((email is not null && string.Equals(Text(o, "RegisseurEmail"), email, StringComparison.OrdinalIgnoreCase))
                    || (p.Name is not null && Text(o, "RegisseurEmail") is null && string.Equals(Text(o, "RegisseurName"), p.Name, StringComparison.OrdinalIgnoreCase))))
            {
                fields.UnionWith(PartnershipContactFields);
            }

            foreach (var (name, value) in o.ToList())
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (text is not null && (fields.Contains(name) || (email is not null && string.Equals(text, email, StringComparison.OrdinalIgnoreCase))))
                {
                    o[name] = new JsonObject { [Personal.ReferenceProperty] = marker.ToString("D") };
                    changed = true;
                }
            }

            return o.ToJsonString(AuditJson.Plain);
        }

        var before = Rewrite(r.Before);
        var after = Rewrite(r.After);
        if (!changed)
        {
            return null;
        }

        return new AuditRecord
        {
            Id = r.Id,
            AtUtc = r.AtUtc,
            ActorUserId = r.ActorUserId,
            ActorName = actorName,
            ActorRole = r.ActorRole,
            EntityType = r.EntityType,
            EntityId = r.EntityId,
            Action = r.Action,
            Before = before,
            After = after,
            Format = r.Format,
            Fields = r.Fields,
            PreviousHash = r.PreviousHash,
            Hash = r.Hash,
        };
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
