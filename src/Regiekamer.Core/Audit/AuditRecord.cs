namespace Regiekamer.Core.Audit;

/// <summary>
/// One change that matters: who (user and role), when (UTC), which entity, which action, the values before and
/// after. Append-only; each record's <see cref="Hash"/> covers its content and the previous record's hash, so an edit
/// made directly in the database breaks the chain (see AuditTrail.Verify).
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public Guid? ActorUserId { get; set; }

    /// <summary>
    /// Who acted: "system", or a reference "pd:&lt;id&gt;" to the person's e-mail (or the CLI's "cli:&lt;account&gt;")
    /// in <see cref="PersonalDatum"/>; on format 1 records the e-mail or "cli:&lt;account&gt;" itself.
    /// </summary>
    public string ActorName { get; set; } = "";

    /// <summary>The role the actor acted in, e.g. "Regisseur" or "Administrator".</summary>
    public string ActorRole { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>JSON of the values before the change; null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the values after the change; null for a deletion.</summary>
    public string? After { get; set; }

    /// <summary>
    /// How the record is written and hashed: 1 for the records written before typed events (values inline, the hash
    /// over the fields above), 2 since (personal values as references, the hash also over <see cref="Format"/> and
    /// <see cref="Fields"/>). See <see cref="AuditTrail.Chain"/>.
    /// </summary>
    public int Format { get; set; } = AuditTrail.LegacyFormat;

    /// <summary>",Name,Members,": the top-level fields that changed, to query the trail by field; null on format 1 records.</summary>
    public string? Fields { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>When it was recorded in this process, relative to the others (not stored): its place in the chain when several are saved together.</summary>
    internal long RecordedOrder { get; set; }
}
