using System.Globalization;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Audit;

/// <summary>
/// What <c>Shared/_History.cshtml</c> renders: audit records as people read them, newest first. Build one for any
/// entity's history tab, e.g. <c>&lt;partial name="_History" model="@(new HistoryList(await audit.HistoryAsync("Call", id)))" /&gt;</c>.
/// </summary>
public sealed record HistoryList(IReadOnlyList<AuditView> Records)
{
    /// <summary>Show which entity each record is about (the department's list); a history tab of one entity leaves it out.</summary>
    public bool ShowEntity { get; init; }

    /// <summary>The table's caption; default "Geschiedenis" / "History".</summary>
    public string? Caption { get; init; }

    /// <summary>The table's id, unique on the page.</summary>
    public string TableId { get; init; } = "history";
}

/// <summary>
/// How the audit trail reads for people. Entity, action and field labels come from the features' events
/// (<see cref="AuditCatalog"/>), links from the features' registrations (<see cref="WebFeatures.AuditLinks"/>);
/// what is decided here is how actors and roles are shown, and to whom.
/// </summary>
public static class AuditDisplay
{
    private static readonly Dictionary<string, Bilingual> Roles = new(StringComparer.Ordinal)
    {
        ["Operator"] = new("Operator (opdrachtregel)", "Operator (command line)"),
        ["System"] = new("Systeem", "System"),
    };

    public static Bilingual Entity(string type) => AuditCatalog.Entity(type);

    public static Bilingual Action(string action) => AuditCatalog.Action(action);

    /// <summary>
    /// The role(s) an actor acted in, as recorded: a department role ("CaseHandler"), a partnership role with its
    /// partnership ("Regisseur:12"), or several separated by commas ("Administrator,Regisseur:12").
    /// </summary>
    public static Bilingual Role(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var parts = role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 1)
        {
            var each = parts.Select(OneRole).ToList();
            return new(string.Join(", ", each.Select(r => r.Nl)), string.Join(", ", each.Select(r => r.En)));
        }

        return OneRole(role);
    }

    /// <summary>
    /// Whether the viewer sees who acted (a name, mostly an e-mail) or only the role. The department sees everyone.
    /// People outside it see the names of partnership people, but not of department staff, the operator at the command
    /// line or the system: for those the role says enough, and staff e-mails stay inside the department.
    /// </summary>
    public static bool ShowsActorName(string actorRole, bool viewerIsDepartment)
    {
        ArgumentNullException.ThrowIfNull(actorRole);
        if (viewerIsDepartment)
        {
            return true;
        }

        var parts = actorRole.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(IsPartnershipRole);
    }

    /// <summary>A name or value as resolved: an erased person in the page's language.</summary>
    public static string? Personal(string? value) => value == AuditReader.ErasedPerson.Nl ? Lang.Of(AuditReader.ErasedPerson) : value;

    private static bool IsPartnershipRole(string role)
    {
        var colon = role.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && Enum.TryParse<Core.Accounts.Role>(role[..colon], out var parsed)
            && !parsed.IsDepartmentRole()
            && int.TryParse(role[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static Bilingual OneRole(string role)
    {
        var colon = role.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Known(role[..colon]) is { } partnershipRole)
        {
            var id = role[(colon + 1)..];
            return new($"{partnershipRole.Nl} van regieverband {id}", $"{partnershipRole.En} of partnership {id}");
        }

        return Known(role) ?? new(role, role);
    }

    /// <summary>A role of an account by its name (RoleNames), or the command line's operator or the system.</summary>
    private static Bilingual? Known(string role)
    {
        if (Enum.TryParse<Core.Accounts.Role>(role, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _))
        {
            return RoleNames.Name(parsed);
        }

        return Roles.GetValueOrDefault(role);
    }

    /// <summary>A value as people read it: a code by its label (the feature's snapshot says which), an erased person translated, anything else as stored.</summary>
    public static string? Value(string entityType, string field, string? value, CultureInfo culture)
    {
        if (value is null)
        {
            return null;
        }

        return AuditCatalog.Value(entityType, field, value)?.For(culture) ?? Personal(value);
    }

    /// <summary>A field of the before/after JSON, labelled by the entity's snapshot; the whole value (not JSON) reads "Waarde".</summary>
    public static Bilingual Field(string entityType, string field) => AuditCatalog.Field(entityType, field);

    /// <summary>The page that shows the entity, where there is one (its feature says where); users only for an administrator.</summary>
    public static string? Link(string type, string id, bool administrator = false) =>
        WebFeatures.AuditLinks.TryGetValue(type, out var link) ? link.Page(id, administrator) : null;

    /// <summary>Where the entity's history is shown, if anywhere (also for a deleted partnership).</summary>
    public static string? HistoryLink(string type, string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !WebFeatures.AuditLinks.TryGetValue(type, out var link))
        {
            return null;
        }

        return link.History?.Invoke(n.ToString(CultureInfo.InvariantCulture));
    }
}
