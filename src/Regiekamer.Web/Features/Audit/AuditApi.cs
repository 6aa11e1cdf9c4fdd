using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Audit;

public sealed record AuditActorDto(Guid? UserId, string Name, string Role);

public sealed record AuditChangeDto(string Field, string? Before, string? After);

/// <summary>One audit record. <c>before</c> and <c>after</c> are the stored JSON text, exactly as hashed; <c>changes</c> reads them field by field.</summary>
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
    string PreviousHash,
    string Hash)
{
    public static AuditRecordDto Of(AuditRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Id,
            r.AtUtc,
            Regiekamer.Core.Common.BrusselsClock.InBrussels(r.AtUtc),
            new AuditActorDto(r.ActorUserId, r.ActorName, r.ActorRole),
            r.EntityType,
            r.EntityId,
            r.Action,
            r.Before,
            r.After,
            AuditDiff.Changes(r).Select(c => new AuditChangeDto(c.Field, c.Before, c.After)).ToList(),
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

        group.MapGet("/", async Task<IResult> (string? entity, string? entityId, string? actor, string? action, string? from, string? to, int? page, RegiekamerDb db, CancellationToken ct) =>
        {
            var filter = AuditFilter.Parse(entity, entityId, actor, action, from, to);
            if (!filter.IsSuccess)
            {
                return Problems.From(filter.Errors);
            }

            var result = await AuditQuery.PageAsync(db, filter.Value!, page ?? 1, ct: ct);
            return TypedResults.Ok(new AuditPageDto(result.Page, result.PageSize, result.Pages, result.Total, result.Records.Select(AuditRecordDto.Of).ToList()));
        }).WithSummary("Audit records, newest first, 50 a page. from/to are dates in Brussels (YYYY-MM-DD, inclusive); actor matches when the name contains the text.")
          .Produces<AuditPageDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/export.csv", async Task<IResult> (string? entity, string? entityId, string? actor, string? action, string? from, string? to, HttpContext http, RegiekamerDb db, TimeProvider time, CancellationToken ct) =>
        {
            var filter = AuditFilter.Parse(entity, entityId, actor, action, from, to);
            if (!filter.IsSuccess)
            {
                return Problems.From(filter.Errors);
            }

            await AuditExport.WriteAsync(http.Response, db, filter.Value!, time, ct);
            return TypedResults.Empty;
        }).WithSummary("The filtered trail as CSV (UTF-8 with BOM), oldest first: id,at_utc,at_brussels,actor,actor_role,entity_type,entity_id,action,before,after,previous_hash,hash.")
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
