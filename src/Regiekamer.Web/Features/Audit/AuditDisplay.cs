using System.Globalization;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Web.Features.Audit;

/// <summary>
/// What <c>Shared/_History.cshtml</c> renders: audit records, newest first. Build one for any entity's history tab,
/// e.g. <c>&lt;partial name="_History" model="@(new HistoryList(await audit.HistoryAsync("Call", id)))" /&gt;</c>.
/// </summary>
public sealed record HistoryList(IReadOnlyList<AuditRecord> Records)
{
    /// <summary>Show which entity each record is about (the department's list); a history tab of one entity leaves it out.</summary>
    public bool ShowEntity { get; init; }

    /// <summary>The table's caption; default "Geschiedenis" / "History".</summary>
    public string? Caption { get; init; }

    /// <summary>The table's id, unique on the page.</summary>
    public string TableId { get; init; } = "history";
}

/// <summary>How the audit trail's codes read for people, in Dutch and English, and where an entity can be looked at.</summary>
public static class AuditDisplay
{
    private static readonly Dictionary<string, Bilingual> Entities = new(StringComparer.Ordinal)
    {
        ["Partnership"] = new("Regieverband", "Partnership"),
        ["Call"] = new("Oproep", "Call"),
        ["AllocationRun"] = new("Verdeling", "Allocation run"),
        ["ReferenceDataset"] = new("Referentiedataset", "Reference dataset"),
        ["User"] = new("Gebruiker", "User"),
        ["RoleAssignment"] = new("Rol", "Role"),
        ["ApiToken"] = new("API-token", "API token"),
    };

    private static readonly Dictionary<string, Bilingual> Actions = new(StringComparer.Ordinal)
    {
        ["Created"] = new("Aangemaakt", "Created"),
        ["Updated"] = new("Gewijzigd", "Updated"),
        ["Deleted"] = new("Verwijderd", "Deleted"),
        ["VersionAdded"] = new("Nieuwe versie", "Version added"),
        [Core.Data.DatabaseSeeder.JobSeekersAssigned] = new("Werkzoekenden toegewezen", "Job seekers assigned"),
        ["Imported"] = new("Geïmporteerd", "Imported"),
        ["Published"] = new("Gepubliceerd", "Published"),
        ["Revoked"] = new("Ingetrokken", "Revoked"),
        ["RoleAdded"] = new("Rol toegekend", "Role granted"),
        ["RoleRemoved"] = new("Rol ingetrokken", "Role removed"),
        ["Locked"] = new("Geblokkeerd", "Locked"),
        ["Unlocked"] = new("Gedeblokkeerd", "Unlocked"),
        ["PasswordSet"] = new("Wachtwoord ingesteld", "Password set"),
        ["PasswordChanged"] = new("Wachtwoord gewijzigd", "Password changed"),
        ["PasswordReset"] = new("Wachtwoord hersteld", "Password reset"),
        ["SignedOutEverywhere"] = new("Overal afgemeld", "Signed out everywhere"),
        ["TwoFactorEnabled"] = new("Tweestapsverificatie aangezet", "Two-factor authentication on"),
        ["TwoFactorDisabled"] = new("Tweestapsverificatie uitgezet", "Two-factor authentication off"),
        ["RecoveryCodesRenewed"] = new("Herstelcodes vernieuwd", "Recovery codes renewed"),
    };

    private static readonly Dictionary<string, Bilingual> Roles = new(StringComparer.Ordinal)
    {
        ["Operator"] = new("Operator (opdrachtregel)", "Operator (command line)"),
        ["System"] = new("Systeem", "System"),
    };

    private static readonly Dictionary<string, Bilingual> Fields = new(StringComparer.Ordinal)
    {
        ["Name"] = new("Naam", "Name"),
        ["Kind"] = new("Soort", "Kind"),
        ["Status"] = new("Status", "Status"),
        ["Members"] = new("Leden (NIS)", "Members (NIS)"),
        ["ManagingMunicipality"] = new("Beherende gemeente (NIS)", "Managing municipality (NIS)"),
        ["ChangeMotivation"] = new("Motivering wijziging", "Motivation for change"),
        ["RegisseurName"] = new("Naam regisseur", "Regisseur name"),
        ["RegisseurEmail"] = new("E-mail regisseur", "Regisseur e-mail"),
        ["RegisseurPhone"] = new("Telefoon regisseur", "Regisseur phone"),
        ["Number"] = new("Versie", "Version"),
        ["YearlyBudget"] = new("Jaarbudget (EUR)", "Yearly budget (EUR)"),
        ["Budget"] = new("Budget (EUR)", "Budget (EUR)"),
        ["Weights"] = new("Gewichten 15–64 / werkzoekenden / gelijk (%)", "Weights 15–64 / job seekers / equal (%)"),
        ["Deadline"] = new("Indiendatum", "Deadline"),
        ["Priorities"] = new("Prioriteiten", "Priorities"),
        ["RegionDatasetId"] = new("Dataset referentieregio's", "Reference-region dataset"),
        ["JobSeekersDatasetId"] = new("Dataset werkzoekenden", "Job-seeker dataset"),
        ["EffectiveFrom"] = new("Geldt vanaf", "Effective from"),
        ["Note"] = new("Opmerking", "Note"),
        ["CallVersionId"] = new("Oproepversie (id)", "Call version (id)"),
        ["EligibilityDate"] = new("Datum subsidiabiliteit", "Eligibility date"),
        ["Datasets"] = new("Datasets", "Datasets"),
        ["UsesEstimates"] = new("Op schattingen", "Uses estimates"),
        ["Lines"] = new("Bedragen", "Amounts"),
        ["PublishedAtUtc"] = new("Gepubliceerd op (UTC)", "Published at (UTC)"),
        ["Title"] = new("Titel", "Title"),
        ["Source"] = new("Bron", "Source"),
        ["ReferenceDate"] = new("Referentiedatum", "Reference date"),
        ["RowCount"] = new("Rijen", "Rows"),
        ["File"] = new("Bestand", "File"),
        ["Email"] = new("E-mail", "E-mail"),
        ["DisplayName"] = new("Naam", "Name"),
        ["Roles"] = new("Rollen", "Roles"),
        ["Locked"] = new("Geblokkeerd", "Locked"),
        ["TwoFactor"] = new("Tweestapsverificatie", "Two-factor authentication"),
        ["HasPassword"] = new("Wachtwoord ingesteld", "Password set"),
    };

    public static Bilingual Entity(string type) => Entities.GetValueOrDefault(type) ?? new(type, type);

    public static Bilingual Action(string action) => Actions.GetValueOrDefault(action) ?? new(action, action);

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

    private static bool IsPartnershipRole(string role)
    {
        var colon = role.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && Enum.TryParse<Regiekamer.Core.Accounts.Role>(role[..colon], out var parsed)
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
        if (Enum.TryParse<Regiekamer.Core.Accounts.Role>(role, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _))
        {
            return RoleNames.Name(parsed);
        }

        return Roles.GetValueOrDefault(role);
    }

    /// <summary>A value as people read it: a partnership's kind and status by their label, anything else as stored.</summary>
    public static string? Value(string entityType, string field, string? value, CultureInfo culture)
    {
        if (value is null || entityType != "Partnership")
        {
            return value;
        }

        return field switch
        {
            "Kind" when PartnershipCodes.TryParseKind(value, out var kind) => kind.Label().For(culture),
            "Status" when PartnershipCodes.TryParseStatus(value, out var status) => status.Label().For(culture),
            _ => value,
        };
    }

    /// <summary>A field of the before/after JSON; a field without a label keeps its own name, the whole value (not JSON) reads "Waarde".</summary>
    public static Bilingual Field(string field) =>
        field.Length == 0 ? new("Waarde", "Value") : Fields.GetValueOrDefault(field) ?? new(field, field);

    /// <summary>The page that shows the entity, where there is one; users only for an administrator, who manages them.</summary>
    public static string? Link(string type, string id, bool administrator = false)
    {
        var escaped = Uri.EscapeDataString(id);
        return type switch
        {
            "Partnership" => $"/Partnerships/{escaped}",
            "AllocationRun" => $"/Allocation/Run?id={escaped}",
            "Call" => "/Calls",
            "ReferenceDataset" => "/Municipalities/Datasets",
            "User" when administrator => $"/Admin/Users/Edit?id={escaped}",
            _ => null,
        };
    }

    /// <summary>
    /// Where the entity's history is shown, if anywhere: a partnership's history tab (also for a deleted one), a call's
    /// history on the calls page, a run's history on its page.
    /// </summary>
    public static string? HistoryLink(string type, string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var number = n.ToString(CultureInfo.InvariantCulture);
        return type switch
        {
            "Partnership" => $"/Partnerships/{number}/History",
            "Call" => $"/Calls#history-call-{number}",
            "AllocationRun" => $"/Allocation/Run?id={number}#history",
            _ => null,
        };
    }
}
