using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Audit;

/// <summary>Who acted: <c>name</c> as people read it ("gewiste persoon" once erased), <c>stored</c> as hashed (a reference "pd:…" to a person).</summary>
public sealed record AuditActorDto(Guid? UserId, string Name, string Role, string Stored);

public sealed record AuditChangeDto(string Field, string? Before, string? After);

/// <summary>
/// One audit record. <c>before</c> and <c>after</c> are the stored JSON text, exactly as hashed (personal values as
/// references); <c>changes</c> reads them field by field with the references resolved; <c>format</c> and
/// <c>fields</c> are hashed too from format 2 on.
/// </summary>
public sealed record AuditRecordDto(
    long Id,
    DateTime AtUtc,
    DateTimeOffset AtBrussels,
    AuditActorDto Actor,
    string EntityType,
    string EntityId,
    string Action,
    string? Before,
    string? After,
    IReadOnlyList<AuditChangeDto> Changes,
    int Format,
    string? Fields,
    string PreviousHash,
    string Hash)
{
    public static AuditRecordDto Of(AuditView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var r = view.Record;
        return new(
            r.Id,
            r.AtUtc,
            Regiekamer.Core.Common.BrusselsClock.InBrussels(r.AtUtc),
            new AuditActorDto(r.ActorUserId, view.ActorName, r.ActorRole, r.ActorName),
            r.EntityType,
            r.EntityId,
            r.Action,
            r.Before,
            r.After,
            view.Changes.Select(c => new AuditChangeDto(c.Field, c.Before, c.After)).ToList(),
            r.Format,
            r.Fields,
            r.PreviousHash,
            r.Hash);
    }
}

public sealed record AuditPageDto(int Page, int PageSize, int Pages, long Total, IReadOnlyList<AuditRecordDto> Records);

public sealed record AuditBreakDto(long RecordId, string Kind, string Reason, string ReasonNl);

public sealed record AuditVerificationDto(bool Intact, long RecordsChecked, AuditBreakDto? FirstBreak);

public static class AuditApi
{
    /// <summary>/audit: the trail for the department, filtered like the /Audit page; its CSV export; the chain check.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Department);

        group.MapGet("/", async Task<IResult> (string? entity, string? entityId, string? actor, string? action, string? field, string? from, string? to, int? page, RegiekamerDb db, CancellationToken ct) =>
        {
            var filter = AuditFilter.Parse(entity, entityId, actor, action, from, to, field: field);
            if (!filter.IsSuccess)
            {
                return Problems.From(filter.Errors);
            }

            var result = await AuditQuery.PageAsync(db, filter.Value!, page ?? 1, ct: ct);
            var views = await AuditReader.ResolveAsync(db, result.Records, ct);
            return TypedResults.Ok(new AuditPageDto(result.Page, result.PageSize, result.Pages, result.Total, views.Select(AuditRecordDto.Of).ToList()));
        }).WithSummary("Audit records, newest first, 50 a page. from/to are dates in Brussels (YYYY-MM-DD, inclusive); actor matches when the name contains the text; field keeps the records that changed that field (format 2 records).")
          .Produces<AuditPageDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/export.csv", async Task<IResult> (string? entity, string? entityId, string? actor, string? action, string? field, string? from, string? to, HttpContext http, RegiekamerDb db, TimeProvider time, CancellationToken ct) =>
        {
            var filter = AuditFilter.Parse(entity, entityId, actor, action, from, to, field: field);
            if (!filter.IsSuccess)
            {
                return Problems.From(filter.Errors);
            }

            await AuditExport.WriteAsync(http.Response, db, filter.Value!, time, ct);
            return TypedResults.Empty;
        }).WithSummary("The filtered trail as CSV (UTF-8 with BOM), oldest first: id,at_utc,at_brussels,actor,actor_role,entity_type,entity_id,action,before,after,previous_hash,hash,format,fields as stored (hashed), then actor_display,before_display,after_display as people read them.")
          .Produces<string>(StatusCodes.Status200OK, "text/csv")
          .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/verify", async (RegiekamerDb db, CancellationToken ct) =>
        {
            var result = await AuditTrail.VerifyAsync(db, ct);
            var b = result.FirstBreak;
            return TypedResults.Ok(new AuditVerificationDto(
                result.Intact,
                result.RecordsChecked,
                b is null ? null : new AuditBreakDto(b.RecordId, b.Kind.ToString(), b.Message.En, b.Message.Nl)));
        }).WithSummary("Walks the hash chain; firstBreak names the first record altered, removed or inserted in the database.");
    }
}
