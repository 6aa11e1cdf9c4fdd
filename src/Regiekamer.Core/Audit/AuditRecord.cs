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

    /// <summary>E-mail or name of the actor, or "system" / "cli:&lt;account&gt;".</summary>
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

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>When it was recorded in this process, relative to the others (not stored): its place in the chain when several are saved together.</summary>
    internal long RecordedOrder { get; set; }
}
