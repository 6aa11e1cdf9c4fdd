using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications;

/// <summary>
/// A partnership's application dossier for one call (aanvraagdossier; R7): (a) the information form, (b) the
/// commitment statements of the members (new and changed partnerships only), (c) the multi-year plan of coded
/// actions. One per partnership per call. Its dossier number (RK-2023-0007) stays the same across the versions it
/// submits; each submission freezes a numbered <see cref="ApplicationVersion"/>.
/// </summary>
public sealed class Application
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    public int PartnershipId { get; private set; }

    /// <summary>The dossier's number within its call (1, 2, …).</summary>
    public int Number { get; private set; }

    /// <summary>"RK-2023-0007": RK, the call's first year, <see cref="Number"/>.</summary>
    public string DossierNumber { get; private set; } = "";

    public ApplicationStatus Status { get; private set; }

    /// <summary>Optimistic concurrency of the dossier as a whole: every write to it (a plan change too) raises it.</summary>
    public int Version { get; set; }

    /// <summary>The information form's own version: a change of the plan does not make an open information form stale.</summary>
    public int InformationVersion { get; private set; }

    // (a) The information form (inlichtingenformulier, R7a); the partnership's own fields (name, kind, members,
    // managing municipality, status, motivation) live on the partnership and are frozen with each version.

    /// <summary>Whether the applicant works with BBC: the plan comes from its BBC digital reporting (else through the form).</summary>
    public bool? BbcUser { get; private set; }

    /// <summary>The beneficiary's KBO enterprise number, 10 digits.</summary>
    public string? BeneficiaryKbo { get; private set; }

    /// <summary>The beneficiary's bank account (IBAN, no spaces).</summary>
    public string? Iban { get; private set; }

    /// <summary>Whether wijk-werken is part of the partnership's area.</summary>
    public bool? WijkWerken { get; private set; }

    public string? RegisseurName { get; private set; }

    public string? RegisseurEmail { get; private set; }

    public string? RegisseurPhone { get; private set; }

    /// <summary>The organisatieverantwoordelijke, who signs and submits.</summary>
    public string? SignatoryName { get; private set; }

    public string? SignatoryEmail { get; private set; }

    public string? SignatoryPhone { get; private set; }

    /// <summary>R8: the last day (Brussels) this dossier may still be submitted, when the department granted an extension.</summary>
    public DateOnly? ExtendedUntil { get; private set; }

    public string? ExtensionMotivation { get; private set; }

    /// <summary>When changes were requested: the date the partnership should resubmit by.</summary>
    public DateOnly? ResponseDue { get; private set; }

    /// <summary>How many versions were submitted (the last one's number).</summary>
    public int SubmittedVersions { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When anything in the dossier was last saved ("last saved at" on the pages).</summary>
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>When the status last changed (the review queue's age).</summary>
    public DateTime StatusSinceUtc { get; private set; }

    public List<PlannedAction> Actions { get; private set; } = [];

    public List<CommitmentStatement> Commitments { get; private set; } = [];

    private Application()
    {
    }

    /// <summary>A new draft, its regisseur's contact prefilled from the partnership.</summary>
    public static Application Start(int callId, int partnershipId, int callFirstYear, int number, ContactPerson regisseur, DateTime now) => new()
    {
        CallId = callId,
        PartnershipId = partnershipId,
        Number = number,
        DossierNumber = DossierNumberOf(callFirstYear, number),
        Status = ApplicationStatus.Draft,
        RegisseurName = regisseur.Name,
        RegisseurEmail = regisseur.Email,
        RegisseurPhone = regisseur.Phone,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        StatusSinceUtc = now,
    };

    public static string DossierNumberOf(int callFirstYear, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RK-{callFirstYear}-{number:0000}");

    public ContactPerson Regisseur => new(RegisseurName, RegisseurEmail, RegisseurPhone);

    public ContactPerson Signatory => new(SignatoryName, SignatoryEmail, SignatoryPhone);

    public ApplicationInformation Information => new(BbcUser, BeneficiaryKbo, Iban, Regisseur, Signatory, WijkWerken);

    public void UpdateInformation(ApplicationInformation information, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(information);
        BbcUser = information.BbcUser;
        BeneficiaryKbo = information.BeneficiaryKbo;
        Iban = information.Iban;
        WijkWerken = information.WijkWerken;
        RegisseurName = information.Regisseur.Name;
        RegisseurEmail = information.Regisseur.Email;
        RegisseurPhone = information.Regisseur.Phone;
        SignatoryName = information.Signatory.Name;
        SignatoryEmail = information.Signatory.Email;
        SignatoryPhone = information.Signatory.Phone;
        InformationVersion++;
        Touch(now);
    }

    /// <summary>Clears a person's contact details (erasure of personal data); the dossier keeps the rest.</summary>
    public void ForgetContact(bool regisseur, bool signatory, DateTime now)
    {
        if (regisseur)
        {
            RegisseurName = RegisseurEmail = RegisseurPhone = null;
        }

        if (signatory)
        {
            SignatoryName = SignatoryEmail = SignatoryPhone = null;
        }

        InformationVersion++;
        Touch(now);
    }

    public PlannedAction AddAction(PlannedActionValues values, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(values);
        var action = new PlannedAction { Position = Actions.Count == 0 ? 1 : Actions.Max(a => a.Position) + 1 };
        action.Set(values, now);
        Actions.Add(action);
        Touch(now);
        return action;
    }

    /// <summary>Replaces the whole plan (an import): the old actions go, the new ones come in file order.</summary>
    public void ReplacePlan(IReadOnlyList<PlannedActionValues> plan, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Actions.Clear();
        var position = 1;
        foreach (var values in plan)
        {
            var action = new PlannedAction { Position = position++ };
            action.Set(values, now);
            Actions.Add(action);
        }

        Touch(now);
    }

    public void RemoveAction(PlannedAction action, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Remove(action);
        Touch(now);
    }

    /// <summary>A member's signed commitment statement (R7b) is on file: its attachment and the date of its council decision.</summary>
    public void RecordCommitment(NisCode member, int attachmentId, DateOnly councilDecision, DateTime now)
    {
        var existing = Commitments.FirstOrDefault(c => c.NisCode == member);
        if (existing is null)
        {
            Commitments.Add(new CommitmentStatement { NisCode = member, AttachmentId = attachmentId, CouncilDecisionDate = councilDecision, UploadedAtUtc = now });
        }
        else
        {
            existing.AttachmentId = attachmentId;
            existing.CouncilDecisionDate = councilDecision;
            existing.UploadedAtUtc = now;
        }

        Touch(now);
    }

    public void RemoveCommitment(NisCode member, DateTime now)
    {
        Commitments.RemoveAll(c => c.NisCode == member);
        Touch(now);
    }

    /// <summary>Moves to the status the lifecycle decided (<see cref="ApplicationLifecycle"/>).</summary>
    public void MoveTo(ApplicationStatus status, DateTime now)
    {
        if (status != Status)
        {
            Status = status;
            StatusSinceUtc = now;
        }

        if (status != ApplicationStatus.ChangesRequested)
        {
            ResponseDue = null;
        }

        Touch(now);
    }

    /// <summary>A version was frozen: its number is the new count.</summary>
    public int RecordSubmission(DateTime now)
    {
        SubmittedVersions++;
        MoveTo(ApplicationStatus.Submitted, now);
        return SubmittedVersions;
    }

    public void RequestChanges(DateOnly responseDue, DateTime now)
    {
        MoveTo(ApplicationStatus.ChangesRequested, now);
        ResponseDue = responseDue;
    }

    public void GrantExtension(DateOnly until, string motivation, DateTime now)
    {
        ExtendedUntil = until;
        ExtensionMotivation = motivation;
        Touch(now);
    }

    public void Touch(DateTime now) => UpdatedAtUtc = now;
}

/// <summary>A contact person on the information form: the regisseur or the signatory.</summary>
public sealed record ContactPerson(string? Name, string? Email, string? Phone)
{
    public bool IsEmpty => Name is null && Email is null && Phone is null;
}

/// <summary>The dossier's own fields of the information form (R7a).</summary>
public sealed record ApplicationInformation(bool? BbcUser, string? BeneficiaryKbo, string? Iban, ContactPerson Regisseur, ContactPerson Signatory, bool? WijkWerken);

/// <summary>
/// One action of the multi-year plan (R11): under a policy goal (beleidsdoelstelling) and an action plan (actieplan),
/// with its short and long description, comment, priority code and an amount per year of the call.
/// </summary>
public sealed class PlannedAction
{
    public int Id { get; private set; }

    public int ApplicationId { get; private set; }

    /// <summary>The order in the plan (1, 2, …), as imported or added.</summary>
    public int Position { get; set; }

    public string? PolicyGoal { get; private set; }

    public string? ActionPlan { get; private set; }

    public string ShortDescription { get; private set; } = "";

    public string? LongDescription { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>WSE-LR1..4 (R9).</summary>
    public string Code { get; private set; } = "";

    public YearAmounts Amounts { get; private set; } = YearAmounts.Empty;

    /// <summary>Optimistic concurrency per action: two people editing different actions never conflict.</summary>
    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public PlannedActionValues Values => new(PolicyGoal, ActionPlan, ShortDescription, LongDescription, Comment, Code, Amounts);

    internal void Set(PlannedActionValues values, DateTime now)
    {
        PolicyGoal = values.PolicyGoal;
        ActionPlan = values.ActionPlan;
        ShortDescription = values.ShortDescription;
        LongDescription = values.LongDescription;
        Comment = values.Comment;
        Code = values.Code;
        Amounts = values.Amounts;
        UpdatedAtUtc = now;
    }
}

/// <summary>What an action says, without its identity: what a form, a file row or a version holds.</summary>
public sealed record PlannedActionValues(string? PolicyGoal, string? ActionPlan, string ShortDescription, string? LongDescription, string? Comment, string Code, YearAmounts Amounts);

/// <summary>A member municipality's signed commitment statement (verbintenisverklaring, R7b): the uploaded PDF and the date of its council decision.</summary>
public sealed class CommitmentStatement
{
    public int ApplicationId { get; set; }

    public NisCode NisCode { get; set; }

    public int AttachmentId { get; set; }

    public DateOnly CouncilDecisionDate { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}

public enum AttachmentKind
{
    /// <summary>A member's signed commitment statement (R7b).</summary>
    CommitmentStatement,

    /// <summary>Anything else the partnership adds to its dossier.</summary>
    Other,
}

/// <summary>A file attached to a dossier: PDF only (checked by content), stored with its SHA-256; never changed, only added.</summary>
public sealed class ApplicationAttachment
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public AttachmentKind Kind { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "application/pdf";

    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>
/// A submitted version, frozen: the dossier's content as canonical JSON (<see cref="ApplicationContent"/>), its
/// SHA-256, and the call version and reference data it was checked against. Never changed after it is written, except
/// that erasing a person clears <see cref="Contacts"/> (kept outside the hashed content for that reason).
/// </summary>
public sealed class ApplicationVersion
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    /// <summary>1, 2, …: the version's number within its dossier.</summary>
    public int Number { get; set; }

    /// <summary>The canonical JSON of what was submitted (without personal contact details).</summary>
    public string Content { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/> in UTF-8: the receipt's hash.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The regisseur's and signatory's contact details at submission, as JSON; personal data, erasable.</summary>
    public string? Contacts { get; set; }

    public int CallVersionId { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>Submitted after the call's deadline, under the extension recorded for this dossier.</summary>
    public bool UnderExtension { get; set; }
}

public enum DecisionKind
{
    Approve,
    Reject,
    RequestChanges,
}

/// <summary>A decision on a submitted version: approve, reject, or send back with points to change and a response date.</summary>
public sealed class ApplicationDecision
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    /// <summary>The version decided on.</summary>
    public int VersionNumber { get; set; }

    public DecisionKind Kind { get; set; }

    public string Motivation { get; set; } = "";

    /// <summary>The rules the motivation names (R6;R10), for a rejection.</summary>
    public string? Rules { get; set; }

    /// <summary>For a request for changes: what to change, one point per line.</summary>
    public string? Points { get; set; }

    public DateOnly? ResponseDue { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime DecidedAtUtc { get; set; }
}

public enum CheckVerdict
{
    /// <summary>In order.</summary>
    Sufficient,

    /// <summary>Not in order: the note says why.</summary>
    Insufficient,

    /// <summary>Does not apply to this dossier.</summary>
    NotApplicable,
}

/// <summary>A reviewer's verdict on one check of one submitted version, with a note.</summary>
public sealed class ReviewCheck
{
    public int ApplicationId { get; set; }

    public int VersionNumber { get; set; }

    /// <summary>Which check (<see cref="ReviewChecks"/>): "R7a", "R6-motivation", "R11-clarity", …</summary>
    public string Check { get; set; } = "";

    public CheckVerdict Verdict { get; set; }

    public string? Note { get; set; }

    public Guid? ReviewedByUserId { get; set; }

    public DateTime ReviewedAtUtc { get; set; }
}
