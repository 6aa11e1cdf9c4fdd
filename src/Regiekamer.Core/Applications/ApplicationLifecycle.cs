using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications;

/// <summary>Where a dossier is: draft → submitted → under review → changes requested → (resubmitted) → approved / rejected, or withdrawn.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    ChangesRequested,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>What someone does to a dossier. Each is allowed from some statuses, to those who hold its permission for the partnership.</summary>
public enum ApplicationAction
{
    /// <summary>Change the information form, the plan, the commitment statements or the attachments.</summary>
    Edit,

    /// <summary>Freeze a numbered version and hand it in (the signatory).</summary>
    Submit,

    /// <summary>Take the dossier back before a decision (the signatory).</summary>
    Withdraw,

    /// <summary>Record a review check (a verdict with a note); the first one starts the review.</summary>
    Review,

    /// <summary>Send the dossier back with points to change and a response date.</summary>
    RequestChanges,

    Approve,

    Reject,

    /// <summary>Record a later deadline for this dossier (R8), with a motivation.</summary>
    GrantExtension,
}

/// <summary>
/// The dossier's lifecycle as pure rules (as Hypha's workflow definitions): per action, who may do it (a
/// <see cref="PartnershipPermission"/> for the dossier's partnership) and from which statuses, and where it leads. The
/// web app's partnership gate checks the permission before a handler runs; the service checks the status, and this
/// class says both, so the table below is the one place that decides.
/// </summary>
public static class ApplicationLifecycle
{
    private sealed record Step(PartnershipPermission Permission, ApplicationStatus[] From, ApplicationStatus? To);

    private static readonly ApplicationStatus[] Open = [ApplicationStatus.Draft, ApplicationStatus.ChangesRequested];
    private static readonly ApplicationStatus[] HandedIn = [ApplicationStatus.Submitted, ApplicationStatus.UnderReview];
    private static readonly ApplicationStatus[] Undecided = [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.ChangesRequested];

    private static readonly Dictionary<ApplicationAction, Step> Steps = new()
    {
        [ApplicationAction.Edit] = new(PartnershipPermission.Apply, Open, null),
        [ApplicationAction.Submit] = new(PartnershipPermission.Sign, Open, ApplicationStatus.Submitted),
        [ApplicationAction.Withdraw] = new(PartnershipPermission.Sign, Undecided, ApplicationStatus.Withdrawn),
        [ApplicationAction.Review] = new(PartnershipPermission.Review, HandedIn, ApplicationStatus.UnderReview),
        [ApplicationAction.RequestChanges] = new(PartnershipPermission.Review, HandedIn, ApplicationStatus.ChangesRequested),
        [ApplicationAction.Approve] = new(PartnershipPermission.Review, HandedIn, ApplicationStatus.Approved),
        [ApplicationAction.Reject] = new(PartnershipPermission.Review, HandedIn, ApplicationStatus.Rejected),
        [ApplicationAction.GrantExtension] = new(PartnershipPermission.Review, Open, null),
    };

    /// <summary>The permission an action needs for the dossier's partnership (what the gate checks).</summary>
    public static PartnershipPermission PermissionFor(ApplicationAction action) => Steps[action].Permission;

    /// <summary>The statuses an action is allowed from.</summary>
    public static IReadOnlyList<ApplicationStatus> AllowedFrom(ApplicationAction action) => Steps[action].From;

    /// <summary>Whether the status allows the action (whoever asks).</summary>
    public static bool Allows(ApplicationStatus status, ApplicationAction action) => Steps[action].From.Contains(status);

    /// <summary>The status the action leads to from <paramref name="from"/> (the same status for an edit or an extension).</summary>
    public static ApplicationStatus Target(ApplicationStatus from, ApplicationAction action) => Steps[action].To ?? from;

    /// <summary>The statuses in which the partnership can still change its dossier.</summary>
    public static IReadOnlyList<ApplicationStatus> Editable => Open;

    /// <summary>A decision was taken (or the dossier withdrawn): nothing more happens to it.</summary>
    public static bool IsFinal(ApplicationStatus status) => status is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;

    /// <summary>
    /// The whole rule: may someone holding these roles do this to a dossier of <paramref name="partnershipId"/> in this
    /// status? Forbidden (403) without the permission, whatever the status; a conflict (409) naming the status when the
    /// status does not allow it; else the status it leads to.
    /// </summary>
    public static Result<ApplicationStatus> Decide(
        ApplicationStatus status,
        ApplicationAction action,
        IReadOnlyCollection<Role> departmentRoles,
        IEnumerable<(Role Role, int PartnershipId)> partnershipRoles,
        int partnershipId)
    {
        var step = Steps[action];
        if (!Permissions.Allows(departmentRoles, partnershipRoles, partnershipId, step.Permission))
        {
            return Forbidden(action);
        }

        return Transition(status, action);
    }

    /// <summary>The status part of <see cref="Decide"/>, for a caller the gate already let through.</summary>
    public static Result<ApplicationStatus> Transition(ApplicationStatus status, ApplicationAction action) =>
        Allows(status, action) ? Result<ApplicationStatus>.Ok(Target(status, action)) : NotNow(status, action);

    public static DomainError NotNow(ApplicationStatus status, ApplicationAction action)
    {
        var s = ApplicationStatuses.Label(status);
        var a = Label(action);
        return DomainError.Conflict(
            "status",
            $"Een dossier met status '{s.Nl}' kan je niet {a.Nl}.",
            $"A dossier with status '{s.En}' cannot be {a.En}.");
    }

    public static DomainError Forbidden(ApplicationAction action)
    {
        var who = PermissionFor(action) switch
        {
            PartnershipPermission.Sign => new Bilingual("de ondertekenaar (organisatieverantwoordelijke) van het regieverband", "the partnership's signatory (organisatieverantwoordelijke)"),
            PartnershipPermission.Apply => new Bilingual("de regisseur of de ondertekenaar van het regieverband", "the partnership's regisseur or signatory"),
            _ => new Bilingual("een dossierbehandelaar van het departement", "a case handler of the department"),
        };
        var a = Label(action);
        return DomainError.Forbidden($"Enkel {who.Nl} kan een dossier {a.Nl}.", $"Only {who.En} can have a dossier {a.En}.");
    }

    /// <summary>The action as a verb in a sentence ("indienen" / "submitted").</summary>
    public static Bilingual Label(ApplicationAction action) => action switch
    {
        ApplicationAction.Edit => new("wijzigen", "changed"),
        ApplicationAction.Submit => new("indienen", "submitted"),
        ApplicationAction.Withdraw => new("intrekken", "withdrawn"),
        ApplicationAction.Review => new("beoordelen", "reviewed"),
        ApplicationAction.RequestChanges => new("terugsturen voor aanpassing", "sent back for changes"),
        ApplicationAction.Approve => new("goedkeuren", "approved"),
        ApplicationAction.Reject => new("afwijzen", "rejected"),
        ApplicationAction.GrantExtension => new("uitstel geven", "given an extension"),
        _ => new(action.ToString(), action.ToString()),
    };
}

/// <summary>Statuses as JSON and the UI show them.</summary>
public static class ApplicationStatuses
{
    public static IReadOnlyList<ApplicationStatus> All { get; } = Enum.GetValues<ApplicationStatus>();

    /// <summary>"draft", "under-review", …: the status in the API.</summary>
    public static string Code(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "draft",
        ApplicationStatus.Submitted => "submitted",
        ApplicationStatus.UnderReview => "under-review",
        ApplicationStatus.ChangesRequested => "changes-requested",
        ApplicationStatus.Approved => "approved",
        ApplicationStatus.Rejected => "rejected",
        ApplicationStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };

    public static bool TryParse(string? code, out ApplicationStatus status)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static Bilingual Label(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => new("ontwerp", "draft"),
        ApplicationStatus.Submitted => new("ingediend", "submitted"),
        ApplicationStatus.UnderReview => new("in behandeling", "under review"),
        ApplicationStatus.ChangesRequested => new("aanpassing gevraagd", "changes requested"),
        ApplicationStatus.Approved => new("goedgekeurd", "approved"),
        ApplicationStatus.Rejected => new("afgewezen", "rejected"),
        ApplicationStatus.Withdrawn => new("ingetrokken", "withdrawn"),
        _ => new(status.ToString(), status.ToString()),
    };
}
