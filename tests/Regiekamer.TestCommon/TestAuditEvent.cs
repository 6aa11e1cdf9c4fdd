using Regiekamer.Core.Audit;

namespace Regiekamer.TestCommon;

/// <summary>An audit event of no feature, for tests of the trail itself (chain, queries, export): any entity, action and values.</summary>
public sealed record TestAuditEvent(string Type, string Key, string ChangeAction, object? Old, object? New) : AuditEvent
{
    public override string EntityType => Type;

    public override string EntityId => Key;

    public override string Action => ChangeAction;

    public override object? Before => Old;

    public override object? After => New;
}

/// <summary>Audit records as people read them, for assertions: the actor and values with the personal references resolved.</summary>
public static class ReadableAudit
{
    public static async Task<List<AuditRecord>> ResolveAsync(Regiekamer.Core.Data.RegiekamerDb db, IReadOnlyList<AuditRecord> stored)
    {
        return (await AuditReader.ResolveAsync(db, stored)).Select(v => new AuditRecord
        {
            Id = v.Record.Id,
            AtUtc = v.Record.AtUtc,
            ActorUserId = v.Record.ActorUserId,
            ActorName = v.ActorName,
            ActorRole = v.Record.ActorRole,
            EntityType = v.Record.EntityType,
            EntityId = v.Record.EntityId,
            Action = v.Record.Action,
            Before = v.Before,
            After = v.After,
            Format = v.Record.Format,
            Fields = v.Record.Fields,
            PreviousHash = v.Record.PreviousHash,
            Hash = v.Record.Hash,
        }).ToList();
    }
}
