using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Catalogue;

public enum OfferingStatus
{
    /// <summary>Being prepared, or taken off the catalogue: never public.</summary>
    Draft,

    /// <summary>In the public catalogue (while it is not 18 months unconfirmed).</summary>
    Published,
}

/// <summary>A service as entered and checked (<see cref="OfferingRules.Check"/>): what it offers, where, for whom, and whom to contact.</summary>
public sealed record OfferingContent(
    string Title,
    string? Description,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> CpvCodes,
    IReadOnlyList<NisCode> Municipalities,
    IReadOnlyList<string> TargetGroups,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    bool ContactConsent);

/// <summary>
/// A service a social-economy actor offers, in the social-procurement catalogue (issue 10 point 5). It belongs to its
/// actor, and so to the actor's partnership, whose regisseur keeps it. Public only while published and confirmed in
/// the last 18 months; its contact person shows only with their consent (else the actor's general contact).
/// </summary>
public sealed class Offering
{
    public int Id { get; private set; }

    public int ActorId { get; private set; }

    public Actor? Actor { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public OfferingStatus Status { get; private set; }

    /// <summary>The day (Brussels) someone last said this entry is right: on publishing, on confirming, on publishing a supplier's update.</summary>
    public DateOnly LastConfirmedOn { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>The contact person agreed to be shown in the public catalogue.</summary>
    public bool ContactConsent { get; private set; }

    /// <summary>What the full-text index reads (<see cref="CatalogueRules.SearchText"/>); kept by the service on every change.</summary>
    public string SearchText { get; private set; } = "";

    public List<OfferingCategory> Categories { get; private set; } = [];

    public List<OfferingCpv> CpvCodes { get; private set; } = [];

    public List<OfferingArea> Areas { get; private set; } = [];

    public List<OfferingTargetGroup> TargetGroups { get; private set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public static Offering Create(int actorId, OfferingContent content, string searchText, DateOnly today, DateTime now)
    {
        var o = new Offering { ActorId = actorId, Status = OfferingStatus.Draft, LastConfirmedOn = today, CreatedAtUtc = now, Version = 1 };
        o.Change(content, searchText, now);
        return o;
    }

    public OfferingContent Content => new(
        Title,
        Description,
        Categories.Select(c => c.CategoryCode).Order(StringComparer.Ordinal).ToList(),
        CpvCodes.Select(c => c.Code).Order(StringComparer.Ordinal).ToList(),
        Areas.Select(a => a.NisCode).Order().ToList(),
        TargetGroups.Select(t => t.Code).Order(StringComparer.Ordinal).ToList(),
        ContactName,
        ContactEmail,
        ContactPhone,
        ContactConsent);

    public void Change(OfferingContent content, string searchText, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        Title = content.Title;
        Description = content.Description;
        ContactName = content.ContactName;
        ContactEmail = content.ContactEmail;
        ContactPhone = content.ContactPhone;
        ContactConsent = content.ContactConsent;
        SearchText = searchText;
        Sync(Categories, content.Categories, c => c.CategoryCode, c => new OfferingCategory { CategoryCode = c });
        Sync(CpvCodes, content.CpvCodes, c => c.Code, c => new OfferingCpv { Code = c });
        Sync(Areas, content.Municipalities, a => a.NisCode, n => new OfferingArea { NisCode = n });
        Sync(TargetGroups, content.TargetGroups, t => t.Code, c => new OfferingTargetGroup { Code = c });
        UpdatedAtUtc = now;
    }

    /// <summary>What the full-text index reads changed without the service changing: its supplier was renamed.</summary>
    public void Reindex(string searchText) => SearchText = searchText;

    public void Publish(DateOnly today, DateTime now)
    {
        Status = OfferingStatus.Published;
        LastConfirmedOn = today;
        UpdatedAtUtc = now;
    }

    public void Unpublish(DateTime now)
    {
        Status = OfferingStatus.Draft;
        UpdatedAtUtc = now;
    }

    /// <summary>Someone said the entry is still right today.</summary>
    public void Confirm(DateOnly today, DateTime now)
    {
        LastConfirmedOn = today;
        UpdatedAtUtc = now;
    }

    /// <summary>Keeps the rows that stay (so their keys are not deleted and re-added), removes the rest, adds the new.</summary>
    private static void Sync<TRow, TKey>(List<TRow> rows, IEnumerable<TKey> wanted, Func<TRow, TKey> key, Func<TKey, TRow> make)
        where TKey : notnull
    {
        var want = wanted.ToHashSet();
        rows.RemoveAll(r => !want.Contains(key(r)));
        var have = rows.Select(key).ToHashSet();
        rows.AddRange(want.Where(w => !have.Contains(w)).Select(make));
    }
}

public sealed class OfferingCategory
{
    public int OfferingId { get; set; }

    public string CategoryCode { get; set; } = "";
}

public sealed class OfferingCpv
{
    public int OfferingId { get; set; }

    /// <summary>"77310000-6", as the CPV list has it.</summary>
    public string Code { get; set; } = "";
}

/// <summary>A municipality (2025 set) the service is offered in.</summary>
public sealed class OfferingArea
{
    public int OfferingId { get; set; }

    public NisCode NisCode { get; set; }
}

public sealed class OfferingTargetGroup
{
    public int OfferingId { get; set; }

    public string Code { get; set; } = "";
}

/// <summary>
/// A supplier's update of its own entry, sent through an invitation, waiting for the regisseur to publish or reject it.
/// One per entry: a later update replaces it. Never public.
/// </summary>
public sealed class OfferingPendingCopy
{
    public int OfferingId { get; private set; }

    /// <summary>The proposed <see cref="OfferingContent"/> as JSON.</summary>
    public string ContentJson { get; private set; } = "";

    public int InvitationId { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public static OfferingPendingCopy Of(int offeringId, int invitationId, string json, DateTime now) =>
        new() { OfferingId = offeringId, InvitationId = invitationId, ContentJson = json, SubmittedAtUtc = now };

    public void Replace(int invitationId, string json, DateTime now)
    {
        InvitationId = invitationId;
        ContentJson = json;
        SubmittedAtUtc = now;
    }
}

/// <summary>
/// An invitation to a supplier to update its own entry without an account: a link with a random token that only the
/// mail holds (the database keeps its SHA-256), for this one entry, used once, expiring after
/// <see cref="OfferingService.InvitationDays"/> days.
/// </summary>
public sealed class OfferingInvitation
{
    public int Id { get; private set; }

    public int OfferingId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public string Email { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>When the supplier sent its update with it, or a newer invitation replaced it: it opens nothing after.</summary>
    public DateTime? UsedAtUtc { get; private set; }

    public static OfferingInvitation Create(int offeringId, string tokenHash, string email, DateTime now, DateTime expires) =>
        new() { OfferingId = offeringId, TokenHash = tokenHash, Email = email, CreatedAtUtc = now, ExpiresAtUtc = expires };

    public bool IsOpen(DateTime now) => UsedAtUtc is null && now < ExpiresAtUtc;

    public void Use(DateTime now) => UsedAtUtc ??= now;
}
