using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Grants;

/// <summary>
/// Decrees, payments, stops and the ledger under /api/v1 (issue 9). The department reads them; policy officers make
/// decrees (<see cref="Policies.Decrees"/>), department staff handle payments with four eyes (<see cref="Policies.Payments"/>).
/// A partnership reads its own grants under /partnerships/{partnershipId}/grants, which the partnership gate guards.
/// </summary>
public static class GrantsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var decrees = api.MapGroup("/decrees").WithTags("Grants").RequireAuthorization(Policies.Department);
        decrees.MapGet("/", async (int? callId, DecreeService service, CancellationToken ct) => TypedResults.Ok((await service.ListAsync(callId, ct)).Select(DecreeDto.Of).ToList()))
            .WithSummary("Department: the ministerial decrees (R13), of a call (?callId=) or all, each with its lines, status (draft, signed, published) and version.")
            .Produces<List<DecreeDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);
        decrees.MapGet("/{id:int}", async Task<IResult> (int id, DecreeService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } d ? TypedResults.Ok(DecreeDto.Of(d)) : Problems.From(DecreeService.NotFound(id)))
            .WithSummary("Department: one decree with its lines.")
            .Produces<DecreeDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);

        var write = decrees.MapGroup("/").RequireAuthorization(Policies.Decrees);
        write.MapPost("/", async (DecreeDraftRequest body, DecreeService service, CancellationToken ct) =>
                Created(await service.DraftAsync(new DecreeDraftInput(body.AllocationRunId, body.Year, body.Number, body.DecreeDate, body.LegalBasis), ct)))
            .WithSummary("Policy officers: drafts a year's decree from a published allocation run over the approved applications (R13): one line per beneficiary (R4) with the application's KBO number and IBAN, adding up to the year's budget. 409 when the year has a decree (amend it instead), 422 naming R13.")
            .Produces<DecreeDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        write.MapPut("/{id:int}", async (int id, DecreeRequest body, DecreeService service, CancellationToken ct) =>
                Ok(await service.UpdateAsync(id, new DecreeInput(body.Number, body.DecreeDate, body.LegalBasis, body.AmendmentReason), body.Version, ct)))
            .WithSummary("Policy officers: changes a draft's number, date, legal basis (and an amendment's reason), with the version read. 409 for a signed decree or a stale version.")
            .Produces<DecreeDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        write.MapPut("/{id:int}/lines/{lineId:int}", async (int id, int lineId, DecreeAmountRequest body, DecreeService service, CancellationToken ct) =>
                Ok(await service.SetAmountAsync(id, lineId, body.Amount, body.Version, ct)))
            .WithSummary("Policy officers: corrects a line's amount in an amending draft (a first decree's amounts are the allocation's: 422 R13).")
            .Produces<DecreeDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        write.MapPost("/{id:int}/sign", async (int id, VersionRequest body, DecreeService service, CancellationToken ct) => Ok(await service.SignAsync(id, body.Version, ct)))
            .WithSummary("Policy officers: records the signature; the decree never changes again and its payments are planned as the call's schedule says (an amendment corrects the planned ones). 422 R13 when the lines do not add up to the budget or grant someone less than is already on its way.")
            .Produces<DecreeDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        write.MapPost("/{id:int}/publish", async (int id, VersionRequest body, DecreeService service, CancellationToken ct) => Ok(await service.PublishAsync(id, body.Version, ct)))
            .WithSummary("Policy officers: publishes a signed decree (transparency page and 360Giving).")
            .Produces<DecreeDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        write.MapPost("/{id:int}/amend", async (int id, DecreeRequest body, DecreeService service, CancellationToken ct) =>
                Created(await service.AmendAsync(id, new DecreeInput(body.Number, body.DecreeDate, body.LegalBasis, body.AmendmentReason), ct)))
            .WithSummary("Policy officers: starts an amending decree of a signed one (number, date, reason required): a draft with the same lines to correct.")
            .Produces<DecreeDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        write.MapDelete("/{id:int}", async Task<IResult> (int id, int version, DecreeService service, CancellationToken ct) =>
                await service.DiscardAsync(id, version, ct) is { IsSuccess: true } ? TypedResults.NoContent() : Problems.From((await service.GetAsync(id, ct)) is null ? [DecreeService.NotFound(id)] : [DomainError.Conflict("status", "Enkel een ontwerp kan weg.", "Only a draft can be discarded.")]))
            .WithSummary("Policy officers: discards a draft (?version= read); a signed decree is never deleted.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        var payments = api.MapGroup("/payments").WithTags("Grants").RequireAuthorization(Policies.Department);
        payments.MapGet("/", async Task<IResult> (int? callId, string? status, int? year, PaymentService service, CancellationToken ct) =>
            {
                PaymentStatus? s = null;
                if (status is not null)
                {
                    if (!PaymentLifecycle.TryParse(status, out var parsed))
                    {
                        return Problems.Invalid("status", "Status: planned, proposed, approved, ordered, paid of failed.", "Status: planned, proposed, approved, ordered, paid or failed.");
                    }

                    s = parsed;
                }

                return TypedResults.Ok((await service.ListAsync(callId, null, s, year, ct)).Select(PaymentDto.Of).ToList());
            })
            .WithSummary("Department: the payments, by ?callId=, ?status= (planned, proposed, approved, ordered, paid, failed) and ?year=.")
            .Produces<List<PaymentDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        payments.MapGet("/orders", async Task<IResult> (int? callId, string? status, string? format, LedgerService ledger, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "xlsx"))
                {
                    return Problems.Invalid("format", "Formaat: csv of xlsx.", "Format: csv or xlsx.");
                }

                var s = PaymentStatus.Ordered;
                if (status is not null && !PaymentLifecycle.TryParse(status, out s))
                {
                    return Problems.Invalid("status", "Status: planned, proposed, approved, ordered, paid of failed.", "Status: planned, proposed, approved, ordered, paid or failed.");
                }

                var table = await ledger.PaymentOrdersAsync(callId, s, ct);
                return format == "xlsx"
                    ? TypedResults.File(table.ToXlsx(), XlsxType, $"betalingsopdrachten-{s.Code()}.xlsx")
                    : TypedResults.File(table.ToCsv(), "text/csv; charset=utf-8", $"betalingsopdrachten-{s.Code()}.csv");
            })
            .WithSummary("Department: the payment orders for the accounting system (default the ordered payments; ?status=), with beneficiary, KBO, IBAN, amount and decree; ?format=csv (default) or xlsx. Text cells are neutralised against formulas.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", XlsxType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var pay = payments.MapGroup("/").RequireAuthorization(Policies.Payments);
        pay.MapPost("/", async Task<IResult> (PaymentRequest body, PaymentService service, CancellationToken ct) =>
            {
                var r = await service.PlanAsync(new PaymentInput(body.DecreeLineId, body.PlannedDate, body.Amount), ct);
                return r.IsSuccess ? TypedResults.Created($"/api/v1/payments/{r.Value!.Id}", await ViewAsync(service, r.Value.Id, ct)) : Problems.From(r.Errors);
            })
            .WithSummary("Payments: plans one more payment of a grant in force (decreeLineId, plannedDate within the call, amount): 422 R13 above what is granted and not yet committed, R16 when stopped.")
            .Produces<PaymentDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        pay.MapPut("/{id:int}", async (int id, PaymentRescheduleRequest body, PaymentService service, CancellationToken ct) =>
                await PaymentAsync(service, await service.RescheduleAsync(id, body.PlannedDate, body.Amount, body.Version, ct), ct))
            .WithSummary("Payments: changes a planned payment's date and amount, with the version read (422 R13 above the room; 409 when not planned or stale).")
            .Produces<PaymentDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        pay.MapPost("/{id:int}/steps", async (int id, PaymentStepRequest body, PaymentService service, CancellationToken ct) =>
                await PaymentAsync(service, await service.ActAsync(id, new PaymentStep(body.Action, body.Version, body.PaidOn, body.BankReference, body.Reason), ct), ct))
            .WithSummary("Payments: one step — propose, approve (403 for whoever proposed it: four eyes), return, order, mark-paid (paidOn, bankReference), mark-failed (reason) — with the version read. 409 when the status does not allow it or someone acted first; 422 R16 after a stop.")
            .Produces<PaymentDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        pay.MapPost("/stops", async Task<IResult> (PaymentStopRequest body, PaymentService service, Core.Calls.CallService calls, CancellationToken ct) =>
            {
                var call = body.CallId is { } c ? await calls.GetAsync(c, ct) : await calls.LatestAsync(ct);
                if (call is null)
                {
                    return Problems.From(Core.Calls.CallService.CallNotFound(body.CallId ?? 0));
                }

                var stop = await service.StopAsync(call.Id, body.PartnershipId, body.DecidedOn, body.Decision, body.Motivation, ct);
                return stop.IsSuccess ? TypedResults.Created($"/api/v1/payments/stops/{stop.Value!.Id}", PaymentStopDto.Of(stop.Value)) : Problems.From(stop.Errors);
            })
            .WithSummary("Payments: R16 — no further payment of the call to a partnership (decidedOn, decision, motivation); every later proposal, approval and order is refused.")
            .Produces<PaymentStopDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        var reclaims = api.MapGroup("/reclaims").WithTags("Grants").RequireAuthorization(Policies.Department);
        reclaims.MapGet("/", async (int? callId, ReclaimService service, CancellationToken ct) => TypedResults.Ok((await service.ListAsync(callId, ct: ct)).Select(ReclaimDto.Of).ToList()))
            .WithSummary("Department: the reclaims (R16), of a call (?callId=) or all, with their amounts per year, what was paid back and written off, and what is open.")
            .Produces<List<ReclaimDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);
        var reclaimWrite = reclaims.MapGroup("/").RequireAuthorization(Policies.Payments);
        reclaimWrite.MapPost("/", async Task<IResult> (ReclaimRequest body, ReclaimService service, Core.Calls.CallService calls, CancellationToken ct) =>
            {
                var call = body.CallId is { } c ? await calls.GetAsync(c, ct) : await calls.LatestAsync(ct);
                if (call is null)
                {
                    return Problems.From(CallNotFound(body.CallId));
                }

                var r = await service.DecideAsync(call.Id, new ReclaimInput(body.PartnershipId, body.Decision, body.DecidedOn, body.DueDate, body.Motivation, body.Amount), ct);
                return r.IsSuccess ? TypedResults.Created($"/api/v1/reclaims/{r.Value!.Id}", ReclaimDto.Of(r.Value)) : Problems.From(r.Errors);
            })
            .WithSummary("Payments: decides a reclaim (decision, decidedOn, dueDate, motivation; amount empty = everything paid for the call, less is taken from the latest year). 422 R16 above what was paid and not yet reclaimed.")
            .Produces<ReclaimDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        reclaimWrite.MapPost("/{id:int}/steps", async Task<IResult> (int id, ReclaimStepRequest body, ReclaimService service, CancellationToken ct) =>
            {
                var r = body.Action?.Trim().ToLowerInvariant() switch
                {
                    "claim" => await service.ClaimAsync(id, body.Date, body.Version, ct),
                    "repay" => await service.RepayAsync(id, body.Date, body.Amount, body.Reference, body.Version, ct),
                    "write-off" => await service.WriteOffAsync(id, body.Motivation, body.Version, ct),
                    _ => Result<Reclaim>.Fail(DomainError.Invalid("validation", "Stap: claim, repay of write-off.", "Action: claim, repay or write-off.", "action")),
                };
                return r.IsSuccess ? TypedResults.Ok(ReclaimDto.Of(r.Value!)) : Problems.From(r.Errors);
            })
            .WithSummary("Payments: one step of a reclaim — claim (date), repay (date, amount, reference; never more than is open: 422 R16; the whole paid back closes it), write-off (motivation) — with the version read.")
            .Produces<ReclaimDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        var ledger = api.MapGroup("/ledger").WithTags("Grants").RequireAuthorization(Policies.Department);
        ledger.MapGet("/", async Task<IResult> (int? callId, LedgerService service, CancellationToken ct) =>
                await service.ForCallAsync(callId, ct) is { IsSuccess: true } r ? TypedResults.Ok(LedgerDto.Of(r.Value!)) : Problems.From(CallNotFound(callId)))
            .WithSummary("Department: the ledger of a call (default the latest) per year and beneficiary — granted, paid, in payment, stopped, reclaimed, paid back, net, outstanding — with its reconciliation (reconciles, and every line that does not).")
            .Produces<LedgerDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);
        ledger.MapGet("/export", async Task<IResult> (int? callId, string? format, LedgerService service, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "xlsx"))
                {
                    return Problems.Invalid("format", "Formaat: csv of xlsx.", "Format: csv or xlsx.");
                }

                if (await service.ForCallAsync(callId, ct) is not { IsSuccess: true } r)
                {
                    return Problems.From(CallNotFound(callId));
                }

                var table = LedgerService.LedgerTable(r.Value!);
                return format == "xlsx"
                    ? TypedResults.File(table.ToXlsx(), XlsxType, $"grootboek-{r.Value!.Call.Code}.xlsx")
                    : TypedResults.File(table.ToCsv(), "text/csv; charset=utf-8", $"grootboek-{r.Value!.Call.Code}.csv");
            })
            .WithSummary("Department: the ledger as CSV (default) or XLSX (?format=), with a total row; amounts in euros with a dot.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", XlsxType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/grants/dashboard", async Task<IResult> (int? callId, DashboardService service, CancellationToken ct) =>
                await service.ForCallAsync(callId, ct) is { IsSuccess: true } r ? TypedResults.Ok(DashboardDto.Of(r.Value!)) : Problems.From(CallNotFound(callId)))
            .WithTags("Grants")
            .RequireAuthorization(Policies.Department)
            .WithSummary("Department: the dashboard of a call (default the latest), per year and in total: granted, paid, in payment, outstanding and reclaimed from the ledger (euros with a dot), and the reports expected, received, late (overdue or handed in late), not started, under evaluation, accepted and refused from their standing (R15, R16); as of computedAtUtc.")
            .Produces<DashboardDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapGet("/partnerships/{partnershipId:int}/grants", async (int partnershipId, DecreeService decreeService, PaymentService paymentService, Core.Calls.CallService calls, CancellationToken ct) =>
                TypedResults.Ok(await PartnershipGrantsAsync(partnershipId, decreeService, paymentService, calls, ct)))
            .WithTags("Grants")
            .RequireAuthorization(Policies.SignedIn)
            .RequirePartnership(PartnershipPermission.Read)
            .WithSummary("The partnership's own grants: its lines of the signed decrees in force (latest call) and its payments.")
            .Produces<PartnershipGrantsDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    public static async Task<PartnershipGrantsDto> PartnershipGrantsAsync(int partnershipId, DecreeService decrees, PaymentService payments, Core.Calls.CallService calls, CancellationToken ct)
    {
        var call = await calls.LatestAsync(ct);
        if (call is null)
        {
            return new(partnershipId, [], []);
        }

        var inForce = await decrees.InForceAsync(call.Id, ct);
        var grants = inForce.SelectMany(d => d.Lines.Where(l => l.PartnershipId == partnershipId).Select(l => new PartnershipGrantDto(d.Year, d.Number, d.DecreeDate, d.Status.Code(), l.BeneficiaryName, l.Amount.ToInvariantString()))).ToList();
        var own = (await payments.ListAsync(call.Id, partnershipId, ct: ct)).Select(PaymentDto.Of).ToList();
        return new(partnershipId, grants, own);
    }

    private static DomainError CallNotFound(int? callId) => Core.Calls.CallService.CallNotFound(callId ?? 0);

    private static IResult Created(Result<Decree> result) =>
        result.IsSuccess ? TypedResults.Created($"/api/v1/decrees/{result.Value!.Id}", DecreeDto.Of(result.Value)) : Problems.From(result.Errors);

    private static IResult Ok(Result<Decree> result) =>
        result.IsSuccess ? TypedResults.Ok(DecreeDto.Of(result.Value!)) : Problems.From(result.Errors);

    private static async Task<PaymentDto?> ViewAsync(PaymentService service, int id, CancellationToken ct) =>
        await service.GetAsync(id, ct) is { } v ? PaymentDto.Of(v) : null;

    private static async Task<IResult> PaymentAsync(PaymentService service, Result<Payment> result, CancellationToken ct) =>
        result.IsSuccess ? TypedResults.Ok(await ViewAsync(service, result.Value!.Id, ct)) : Problems.From(result.Errors);
}
