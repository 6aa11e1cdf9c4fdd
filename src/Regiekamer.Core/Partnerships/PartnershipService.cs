using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Partnerships;

/// <summary>What a user submits for a partnership (web form, API body or CLI row), before validation.</summary>
public sealed record PartnershipInput(
    string? Name,
    string? Kind,
    string? Status,
    IReadOnlyList<string>? Members,
    string? ManagingMunicipality = null,
    string? ChangeMotivation = null,
    string? RegisseurName = null,
    string? RegisseurEmail = null,
    string? RegisseurPhone = null);

/// <summary>A partnership input that passed validation: codes resolved against a municipality set.</summary>
public sealed record ValidPartnership(
    string Name,
    PartnershipKind Kind,
    PartnershipStatus Status,
    IReadOnlyList<NisCode> Members,
    NisCode? ManagingMunicipality,
    string? ChangeMotivation,
    string? RegisseurName,
    string? RegisseurEmail,
    string? RegisseurPhone)
{
    public PartnershipFacts ToFacts() => new(Name, Kind, Status, Members, ManagingMunicipality, ChangeMotivation);
}

public sealed class PartnershipService(RegiekamerDb db, ReferenceDataService referenceData, AuditTrail audit, TimeProvider time, DerivedCache cache)
{
    /// <summary>Every partnership by name, read once per version of the inputs (shared: do not change them).</summary>
    public Task<List<Partnership>> ListAsync(CancellationToken ct = default) =>
        cache.GetOrCreateAsync(db, "partnerships", () => db.Partnerships.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct), ct);

    /// <summary>One partnership with its members, read once per version of the inputs (shared: do not change it).</summary>
    public Task<Partnership?> GetAsync(int id, CancellationToken ct = default) =>
        cache.GetOrCreateAsync(db, ("partnership", id), () => db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct), ct);

    public async Task<Result<Partnership>> CreateAsync(PartnershipInput input, CancellationToken ct = default)
    {
        var snapshot = await referenceData.SnapshotAsync(ct: ct);
        var valid = Validate(input, snapshot);
        if (!valid.IsSuccess)
        {
            return Result<Partnership>.Fail(valid.Errors);
        }

        if (await NameTakenAsync(valid.Value!.Name, null, ct))
        {
            return DuplicateName(valid.Value.Name);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var partnership = new Partnership { CreatedAtUtc = now, MunicipalitySet = snapshot.Set };
        Apply(partnership, valid.Value, now);
        // The new Id is known only after the insert; one transaction keeps the partnership and its audit record together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        audit.Record(new PartnershipCreated(partnership.Id, PartnershipSnapshot.Of(partnership)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Partnership>.Ok(partnership);
    }

    /// <param name="expectedVersion">The version the user edited; a different current version means someone else saved in between.</param>
    public async Task<Result<Partnership>> UpdateAsync(int id, PartnershipInput input, int expectedVersion, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partnership is null)
        {
            return NotFound(id);
        }

        if (partnership.Version != expectedVersion)
        {
            return Stale(partnership);
        }

        var snapshot = await referenceData.SnapshotAsync(partnership.MunicipalitySet, ct: ct);
        var valid = Validate(input, snapshot);
        if (!valid.IsSuccess)
        {
            return Result<Partnership>.Fail(valid.Errors);
        }

        if (await NameTakenAsync(valid.Value!.Name, id, ct))
        {
            return DuplicateName(valid.Value.Name);
        }

        var before = PartnershipSnapshot.Of(partnership);
        Apply(partnership, valid.Value, time.GetUtcNow().UtcDateTime);
        audit.Record(new PartnershipUpdated(id, before, PartnershipSnapshot.Of(partnership)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(partnership);
        }

        return Result<Partnership>.Ok(partnership);
    }

    public async Task<Result<int>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partnership is null)
        {
            return DomainError.NotFound($"Regieverband {id} bestaat niet.", $"Partnership {id} does not exist.");
        }

        audit.Record(new PartnershipDeleted(id, PartnershipSnapshot.Of(partnership)));
        db.Partnerships.Remove(partnership);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }

    /// <summary>Checks an input against a municipality set. Rule breaches that only a person can weigh (R2, R3, R5, R6) are not errors here: eligibility reports them.</summary>
    public static Result<ValidPartnership> Validate(PartnershipInput input, ReferenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(snapshot);
        var errors = new List<DomainError>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(DomainError.Invalid("validation", "Naam: verplicht.", "Name: required.", "name"));
        }
        else if (name.Length > 200)
        {
            errors.Add(DomainError.Invalid("validation", "Naam: hoogstens 200 tekens.", "Name: at most 200 characters.", "name"));
        }

        if (!PartnershipCodes.TryParseKind(input.Kind, out var kind))
        {
            errors.Add(DomainError.Rule(Rules.R1, $"R1: rechtsvorm '{input.Kind}' is onbekend; kies uit {PartnershipCodes.KindCodeList}.", $"R1: kind '{input.Kind}' is not known; choose one of {PartnershipCodes.KindCodeList}.", "kind"));
        }

        if (!PartnershipCodes.TryParseStatus(input.Status, out var status))
        {
            errors.Add(DomainError.Rule(Rules.R5, $"R5: status '{input.Status}' is onbekend; kies uit {PartnershipCodes.StatusCodeList}.", $"R5: status '{input.Status}' is not known; choose one of {PartnershipCodes.StatusCodeList}.", "status"));
        }

        var members = new List<NisCode>();
        foreach (var raw in input.Members ?? [])
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var m = snapshot.Find(raw);
            if (m is null)
            {
                errors.Add(DomainError.Invalid("validation", $"Leden: '{raw.Trim()}' is geen NIS-code of naam van een gemeente in de gemeentelijst {SetLabel(snapshot.Set)}.", $"Members: '{raw.Trim()}' is not a NIS code or name of a municipality in the {SetLabel(snapshot.Set)} set.", "members"));
            }
            else if (!members.Contains(m.NisCode))
            {
                members.Add(m.NisCode);
            }
        }

        if (members.Count == 0 && !errors.Any(e => e.Field == "members"))
        {
            errors.Add(DomainError.Rule(Rules.R1, "R1: een regieverband heeft minstens één gemeente als lid.", "R1: a partnership has at least one member municipality.", "members"));
        }

        NisCode? managing = null;
        if (!string.IsNullOrWhiteSpace(input.ManagingMunicipality))
        {
            var m = snapshot.Find(input.ManagingMunicipality);
            if (m is null)
            {
                errors.Add(DomainError.Invalid("validation", $"Beherende gemeente: '{input.ManagingMunicipality.Trim()}' is geen gemeente.", $"Managing municipality: '{input.ManagingMunicipality.Trim()}' is not a municipality.", "managingMunicipality"));
            }
            else if (members.Count > 0 && !members.Contains(m.NisCode))
            {
                errors.Add(DomainError.Rule(Rules.R4, $"R4: de beherende gemeente {m.Name} moet lid zijn van het regieverband.", $"R4: the managing municipality {m.Name} must be a member of the partnership.", "managingMunicipality"));
            }
            else
            {
                managing = m.NisCode;
            }
        }

        var email = InputText.Clean(input.RegisseurEmail, 200);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add(DomainError.Invalid("validation", $"E-mail regisseur: '{email}' is geen e-mailadres.", $"Regisseur e-mail: '{email}' is not an e-mail address.", "regisseurEmail"));
        }

        if (input.ChangeMotivation?.Length > 4000)
        {
            errors.Add(DomainError.Rule(Rules.R6, "R6: motivering: hoogstens 4.000 tekens.", "R6: motivation: at most 4,000 characters.", "changeMotivation"));
        }

        if (errors.Count > 0)
        {
            return Result<ValidPartnership>.Fail(errors);
        }

        return Result<ValidPartnership>.Ok(new ValidPartnership(
            name, kind, status, members, managing, InputText.Clean(input.ChangeMotivation, 4000), InputText.Clean(input.RegisseurName, 200), email, InputText.Clean(input.RegisseurPhone, 50)));
    }

    public static PartnershipFacts ToFacts(Partnership p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Name, p.Kind, p.Status, p.Members.Select(m => m.NisCode).OrderBy(c => c).ToList(), p.ManagingNisCode, p.ChangeMotivation);
    }

    public const string AuditEntity = "Partnership";

    public static string SetLabel(MunicipalitySet set) => set == MunicipalitySet.Set2019 ? "2019-2024 (300)" : "2025 (285)";

    private static void Apply(Partnership p, ValidPartnership v, DateTime now)
    {
        p.Name = v.Name;
        p.Kind = v.Kind;
        p.Status = v.Status;
        p.ManagingNisCode = v.ManagingMunicipality;
        p.ChangeMotivation = v.ChangeMotivation;
        p.RegisseurName = v.RegisseurName;
        p.RegisseurEmail = v.RegisseurEmail;
        p.RegisseurPhone = v.RegisseurPhone;
        p.UpdatedAtUtc = now;
        p.Members.RemoveAll(m => !v.Members.Contains(m.NisCode));
        foreach (var code in v.Members.Where(c => p.Members.All(m => m.NisCode != c)))
        {
            p.Members.Add(new PartnershipMember { NisCode = code });
        }
    }

    private Task<bool> NameTakenAsync(string name, int? exceptId, CancellationToken ct) =>
        db.Partnerships.AnyAsync(p => p.Name == name && p.Id != exceptId, ct);

    private static DomainError DuplicateName(string name) =>
        DomainError.Conflict("duplicate-name", $"Er bestaat al een regieverband met de naam '{name}'.", $"A partnership named '{name}' already exists.");

    private static DomainError NotFound(int id) => DomainError.NotFound($"Regieverband {id} bestaat niet.", $"Partnership {id} does not exist.");

    private static DomainError Stale(Partnership p) => DomainError.Conflict(
        "concurrency",
        $"Iemand anders heeft '{p.Name}' intussen gewijzigd (nu versie {p.Version}). Laad de pagina opnieuw en breng je wijziging opnieuw aan.",
        $"Someone else changed '{p.Name}' in the meantime (now version {p.Version}). Reload the page and make your change again.");
}
