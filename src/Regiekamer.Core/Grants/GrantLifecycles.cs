using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Grants;

/// <summary>What someone does to a decree.</summary>
public enum DecreeAction
{
    /// <summary>Change a draft's header or an amending draft's amounts.</summary>
    Edit,

    /// <summary>Record the minister's signature: from then on the decree never changes.</summary>
    Sign,

    /// <summary>Make a signed decree public (transparency page, 360Giving).</summary>
    Publish,

    /// <summary>Start an amending decree that corrects a signed one.</summary>
    Amend,

    /// <summary>Throw away a draft that was never signed.</summary>
    Discard,
}

/// <summary>The decree's lifecycle as pure rules: draft → signed → published; only drafts change; only signed decrees are amended.</summary>
public static class DecreeLifecycle
{
    private static readonly Dictionary<DecreeAction, (DecreeStatus[] From, DecreeStatus? To)> Steps = new()
    {
        [DecreeAction.Edit] = ([DecreeStatus.Draft], null),
        [DecreeAction.Sign] = ([DecreeStatus.Draft], DecreeStatus.Signed),
        [DecreeAction.Publish] = ([DecreeStatus.Signed], DecreeStatus.Published),
        [DecreeAction.Amend] = ([DecreeStatus.Signed, DecreeStatus.Published], null),
        [DecreeAction.Discard] = ([DecreeStatus.Draft], null),
    };

    public const DepartmentPermission Permission = DepartmentPermission.Decrees;

    public static bool Allows(DecreeStatus status, DecreeAction action) => Steps[action].From.Contains(status);

    /// <summary>Whether someone with these department roles may do it to a decree in this status: 403 without the permission, 409 naming the status, else the status it leads to.</summary>
    public static Result<DecreeStatus> Decide(DecreeStatus status, DecreeAction action, IReadOnlyCollection<Role> departmentRoles)
    {
        if (!Permissions.Allows(departmentRoles, Permission))
        {
            return DomainError.Forbidden(
                $"Enkel een beleidsmedewerker of beheerder kan een besluit {Label(action).Nl}.",
                $"Only a policy officer or administrator can have a decree {Label(action).En}.");
        }

        return Transition(status, action);
    }

    public static Result<DecreeStatus> Transition(DecreeStatus status, DecreeAction action) =>
        Allows(status, action)
            ? Result<DecreeStatus>.Ok(Steps[action].To ?? status)
            : DomainError.Conflict(
                "status",
                $"Een besluit met status '{Label(status).Nl}' kan je niet {Label(action).Nl}." + (status != DecreeStatus.Draft && action == DecreeAction.Edit ? " Een ondertekend besluit verbeter je met een wijzigingsbesluit." : ""),
                $"A decree with status '{Label(status).En}' cannot be {Label(action).En}." + (status != DecreeStatus.Draft && action == DecreeAction.Edit ? " Correct a signed decree with an amending decree." : ""));

    public static string Code(this DecreeStatus status) => status switch
    {
        DecreeStatus.Draft => "draft",
        DecreeStatus.Signed => "signed",
        _ => "published",
    };

    public static Bilingual Label(DecreeStatus status) => status switch
    {
        DecreeStatus.Draft => new("ontwerp", "draft"),
        DecreeStatus.Signed => new("ondertekend", "signed"),
        _ => new("gepubliceerd", "published"),
    };

    public static Bilingual Label(DecreeAction action) => action switch
    {
        DecreeAction.Edit => new("wijzigen", "changed"),
        DecreeAction.Sign => new("ondertekenen", "signed"),
        DecreeAction.Publish => new("publiceren", "published"),
        DecreeAction.Amend => new("wijzigen met een wijzigingsbesluit", "amended"),
        _ => new("verwijderen", "discarded"),
    };
}

/// <summary>Where a payment is: planned → proposed → approved → ordered → paid, or failed (and proposed again).</summary>
public enum PaymentStatus
{
    Planned,
    Proposed,
    Approved,
    Ordered,
    Paid,
    Failed,
}

/// <summary>Which part of a grant a payment is, as the call's schedule says.</summary>
public enum PaymentKind
{
    /// <summary>The whole grant, after the decree.</summary>
    Whole,

    /// <summary>The advance after the decree.</summary>
    Advance,

    /// <summary>The balance, after the year's report is accepted (R15, R16).</summary>
    Balance,
}

/// <summary>What someone does to a payment.</summary>
public enum PaymentAction
{
    /// <summary>Change a planned payment's date or amount.</summary>
    Edit,

    Propose,

    /// <summary>Approve a proposal: never the person who proposed it (four eyes).</summary>
    Approve,

    /// <summary>Send a proposal back to planned.</summary>
    Return,

    /// <summary>Hand it to the accounting system (it is in the payment-order export).</summary>
    Order,

    MarkPaid,

    MarkFailed,
}

/// <summary>The payment's lifecycle as pure rules, with the four-eyes rule: who proposed a payment never approves it.</summary>
public static class PaymentLifecycle
{
    private static readonly Dictionary<PaymentAction, (PaymentStatus[] From, PaymentStatus? To)> Steps = new()
    {
        [PaymentAction.Edit] = ([PaymentStatus.Planned], null),
        [PaymentAction.Propose] = ([PaymentStatus.Planned, PaymentStatus.Failed], PaymentStatus.Proposed),
        [PaymentAction.Approve] = ([PaymentStatus.Proposed], PaymentStatus.Approved),
        [PaymentAction.Return] = ([PaymentStatus.Proposed, PaymentStatus.Approved], PaymentStatus.Planned),
        [PaymentAction.Order] = ([PaymentStatus.Approved], PaymentStatus.Ordered),
        [PaymentAction.MarkPaid] = ([PaymentStatus.Ordered], PaymentStatus.Paid),
        [PaymentAction.MarkFailed] = ([PaymentStatus.Ordered], PaymentStatus.Failed),
    };

    public const DepartmentPermission Permission = DepartmentPermission.Payments;

    /// <summary>The actions that move money towards the beneficiary: a stop (R16) blocks them.</summary>
    public static bool MovesMoney(PaymentAction action) => action is PaymentAction.Propose or PaymentAction.Approve or PaymentAction.Order;

    public static bool Allows(PaymentStatus status, PaymentAction action) => Steps[action].From.Contains(status);

    /// <summary>
    /// The whole rule: 403 without the permission, or for approving one's own proposal; 409 naming the status when it
    /// does not allow the action; else the status it leads to.
    /// </summary>
    public static Result<PaymentStatus> Decide(PaymentStatus status, PaymentAction action, IReadOnlyCollection<Role> departmentRoles, Guid? actor, Guid? proposedBy)
    {
        if (!Permissions.Allows(departmentRoles, Permission))
        {
            return DomainError.Forbidden("Enkel medewerkers van het departement beheren betalingen.", "Only department staff handle payments.");
        }

        if (action == PaymentAction.Approve && actor is not null && actor == proposedBy)
        {
            return FourEyes();
        }

        return Transition(status, action);
    }

    public static DomainError FourEyes() => DomainError.Forbidden(
        "Vier ogen: wie een betaling voorstelt, keurt ze niet zelf goed. Vraag een collega.",
        "Four eyes: whoever proposes a payment does not approve it. Ask a colleague.");

    public static Result<PaymentStatus> Transition(PaymentStatus status, PaymentAction action) =>
        Allows(status, action)
            ? Result<PaymentStatus>.Ok(Steps[action].To ?? status)
            : DomainError.Conflict(
                "status",
                $"Een betaling met status '{Label(status).Nl}' kan je niet {Label(action).Nl}.",
                $"A payment with status '{Label(status).En}' cannot be {Label(action).En}.");

    /// <summary>Whether the payment counts against the grant: every payment that is not failed.</summary>
    public static bool Commits(PaymentStatus status) => status != PaymentStatus.Failed;

    public static string Code(this PaymentStatus status) => status switch
    {
        PaymentStatus.Planned => "planned",
        PaymentStatus.Proposed => "proposed",
        PaymentStatus.Approved => "approved",
        PaymentStatus.Ordered => "ordered",
        PaymentStatus.Paid => "paid",
        _ => "failed",
    };

    public static bool TryParse(string? code, out PaymentStatus status)
    {
        foreach (var s in Enum.GetValues<PaymentStatus>())
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

    public static string Code(this PaymentKind kind) => kind switch
    {
        PaymentKind.Whole => "whole",
        PaymentKind.Advance => "advance",
        _ => "balance",
    };

    public static Bilingual Label(PaymentKind kind) => kind switch
    {
        PaymentKind.Whole => new("volledige betaling", "single payment"),
        PaymentKind.Advance => new("voorschot", "advance"),
        _ => new("saldo", "balance"),
    };

    public static Bilingual Label(PaymentStatus status) => status switch
    {
        PaymentStatus.Planned => new("gepland", "planned"),
        PaymentStatus.Proposed => new("voorgesteld", "proposed"),
        PaymentStatus.Approved => new("goedgekeurd", "approved"),
        PaymentStatus.Ordered => new("in betaling gegeven", "ordered"),
        PaymentStatus.Paid => new("betaald", "paid"),
        _ => new("mislukt", "failed"),
    };

    public static Bilingual Label(PaymentAction action) => action switch
    {
        PaymentAction.Edit => new("wijzigen", "changed"),
        PaymentAction.Propose => new("voorstellen", "proposed"),
        PaymentAction.Approve => new("goedkeuren", "approved"),
        PaymentAction.Return => new("terugsturen", "returned"),
        PaymentAction.Order => new("in betaling geven", "ordered"),
        PaymentAction.MarkPaid => new("als betaald boeken", "marked paid"),
        _ => new("als mislukt boeken", "marked failed"),
    };
}
