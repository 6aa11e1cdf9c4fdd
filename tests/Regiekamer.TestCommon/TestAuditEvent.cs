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
