using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;
using Regiekamer.Core.Vouchers;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Vouchers;

/// <summary>
/// The vouchers desk's API. Everything under /partnerships/{partnershipId}/voucher-schemes belongs to that partnership:
/// the partnership gate judges the caller before a handler runs (its regisseur edits, the department reads), and a
/// scheme or voucher is found only within that partnership (another partnership's is a 404). Changes carry the version
/// read: 409 when stale. Rule violations are 422 with the rule's ID (KC1…KC9) as errorCode.
/// </summary>
public static class VouchersApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly int[] WriteProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        api.MapGet("/voucher-schemes", async (VoucherDeskService desk, BrusselsClock clock, CancellationToken ct) =>
                TypedResults.Ok((await desk.SchemesAsync(null, ct)).Select(v => VoucherSchemeDto.Of(v, clock.UtcNow)).ToList()))
            .WithTags("Vouchers")
            .RequireAuthorization(Policies.Department)
            .WithSummary("The department's overview: every partnership's voucher schemes, newest period first, each with its dashboard to the cent.")
            .Produces<List<VoucherSchemeDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden);

        var group = api.MapGroup("/partnerships/{partnershipId:int}/voucher-schemes").WithTags("Vouchers").RequireAuthorization(Policies.SignedIn).RequirePartnership(PartnershipPermission.Read);
        group.MapGet("/", async (int partnershipId, VoucherDeskService desk, BrusselsClock clock, CancellationToken ct) =>
                TypedResults.Ok((await desk.SchemesAsync(partnershipId, ct)).Select(v => VoucherSchemeDto.Of(v, clock.UtcNow)).ToList()))
            .WithSummary("The partnership's voucher schemes, newest period first, each with its dashboard (target, approved, reserved, paid, lapsed, left) to the cent.")
            .Produces<List<VoucherSchemeDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/", async Task<IResult> (int partnershipId, VoucherSchemeRequest body, VoucherService vouchers, VoucherDeskService desk, BrusselsClock clock, CancellationToken ct) =>
            {
                var created = await vouchers.CreateSchemeAsync(partnershipId, body.ToInput(), ct);
                return created.IsSuccess && await desk.SchemeAsync(partnershipId, created.Value!.Id, ct) is { } view
                    ? TypedResults.Created($"/api/v1/partnerships/{partnershipId}/voucher-schemes/{view.Scheme.Id}", VoucherSchemeDto.Of(view, clock.UtcNow))
                    : Problems.From(created.Errors);
            })
            .RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Creates a draft scheme: 400 naming the field for bad input, 422 with errorCode KC1 (terms), KC2 (budget below one voucher) or KC5 (a provider that is not an active actor of this partnership).")
            .Produces<VoucherSchemeDto>(StatusCodes.Status201Created)
            .ProducesProblems(WriteProblems);

        var one = group.MapGroup("/{schemeId:int}");
        one.MapGet("/", async Task<IResult> (int partnershipId, int schemeId, VoucherDeskService desk, BrusselsClock clock, CancellationToken ct) =>
                await desk.SchemeAsync(partnershipId, schemeId, ct) is { } v ? TypedResults.Ok(VoucherSchemeDto.Of(v, clock.UtcNow)) : Problems.From(SchemeNotFound(schemeId)))
            .WithSummary("One scheme with its terms, providers and dashboard to the cent: budget = reserved + paid + left.")
            .Produces<VoucherSchemeDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        Write(one.MapPut("/", async (int partnershipId, int schemeId, VoucherSchemeRequest body, VoucherService vouchers, VoucherDeskService desk, BrusselsClock clock, CancellationToken ct) =>
                await Answer(desk, clock, partnershipId, await vouchers.ChangeSchemeAsync(partnershipId, schemeId, body.ToInput(), body.Version, ct), ct)),
            "Changes a draft scheme's terms and providers with the version read: 409 when stale or no longer a draft.");
        Write(one.MapPost("/open", async (int partnershipId, int schemeId, VoucherVersionRequest body, VoucherService vouchers, VoucherDeskService desk, BrusselsClock clock, CancellationToken ct) =>
                await desk.SchemeAsync(partnershipId, schemeId, ct) is null
                    ? Problems.From(SchemeNotFound(schemeId))
                    : await Answer(desk, clock, partnershipId, await vouchers.OpenSchemeAsync(schemeId, body.Version, ct), ct)),
            "Opens a draft scheme to applications (its terms are then fixed), with the version read.");
        Write(one.MapPost("/close", async (int partnershipId, int schemeId, VoucherVersionRequest body, VoucherService vouchers, VoucherDeskService desk, BrusselsClock clock, CancellationToken ct) =>
                await Answer(desk, clock, partnershipId, await vouchers.CloseSchemeAsync(partnershipId, schemeId, body.Version, ct), ct)),
            "Closes an open scheme to new applications, with the version read; approved vouchers run their course.");
        one.MapGet("/vouchers", async Task<IResult> (int partnershipId, int schemeId, string? status, VoucherDeskService desk, CancellationToken ct) =>
            {
                if (await desk.SchemeAsync(partnershipId, schemeId, ct) is null)
                {
                    return Problems.From(SchemeNotFound(schemeId));
                }

                if (BadStatus(status) is { } bad)
                {
                    return bad;
                }

                return TypedResults.Ok((await desk.VouchersAsync(partnershipId, schemeId, VoucherExport.ParseStatus(status), ct)).Select(VoucherSummaryDto.Of).ToList());
            })
            .WithSummary("The scheme's vouchers in order of application, optionally of one status, with the rule IDs of the controls' findings as flags.")
            .Produces<List<VoucherSummaryDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        one.MapGet("/vouchers/export", async Task<IResult> (int partnershipId, int schemeId, string? format, string? status, VoucherDeskService desk, CancellationToken ct) =>
            {
                if (await desk.SchemeAsync(partnershipId, schemeId, ct) is null)
                {
                    return Problems.From(SchemeNotFound(schemeId));
                }

                if ((BadStatus(status) ?? BadFormat(format)) is { } bad)
                {
                    return bad;
                }

                var table = VoucherExport.Of(await desk.VouchersAsync(partnershipId, schemeId, VoucherExport.ParseStatus(status), ct));
                return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
                    ? TypedResults.File(table.ToXlsx(), XlsxType, $"cheques-regeling-{schemeId}.xlsx")
                    : TypedResults.File(table.ToCsv(), "text/csv; charset=utf-8", $"cheques-regeling-{schemeId}.csv");
            })
            .WithSummary("The scheme's vouchers as CSV (default) or XLSX (format=xlsx), optionally of one status; no contact persons; cells that a spreadsheet would run as a formula are neutralised. 400 for an unknown status or format.")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv", XlsxType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        var voucher = one.MapGroup("/vouchers/{voucherId:int}");
        voucher.MapGet("/", async Task<IResult> (int partnershipId, int schemeId, int voucherId, VoucherDeskService desk, CancellationToken ct) =>
                await desk.VoucherAsync(partnershipId, schemeId, voucherId, ct) is { } v ? TypedResults.Ok(VoucherDto.Of(v, await desk.FilesAsync(voucherId, ct))) : Problems.From(VoucherModel.NotFound(voucherId)))
            .WithSummary("One voucher with all its data, the controls' findings and its files.")
            .Produces<VoucherDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        voucher.MapPost("/decision", async Task<IResult> (int partnershipId, int schemeId, int voucherId, VoucherDecisionRequest body, VoucherService vouchers, VoucherDeskService desk, CancellationToken ct) =>
            {
                if (await desk.VoucherAsync(partnershipId, schemeId, voucherId, ct) is null)
                {
                    return Problems.From(VoucherModel.NotFound(voucherId));
                }

                var decided = await vouchers.DecideAsync(voucherId, new VoucherDecisionInput(body.Approve, body.Reason, body.Version), ct);
                return decided.IsSuccess ? await VoucherAnswer(desk, partnershipId, schemeId, voucherId, ct) : Problems.From(decided.Errors);
            })
            .RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Approves (reserving the scheme's value, 422 errorCode KC2 when the budget is used up, or the rule of a control that refuses) or refuses with a reason a confirmed application, with the voucher's version read.")
            .Produces<VoucherDto>(StatusCodes.Status200OK)
            .ProducesProblems(WriteProblems);
        voucher.MapPost("/payment", async Task<IResult> (int partnershipId, int schemeId, int voucherId, VoucherPaymentRequest body, VoucherService vouchers, VoucherDeskService desk, CancellationToken ct) =>
            {
                if (await desk.VoucherAsync(partnershipId, schemeId, voucherId, ct) is null)
                {
                    return Problems.From(VoucherModel.NotFound(voucherId));
                }

                var paid = await vouchers.PayAsync(voucherId, new VoucherPaymentInput(body.PaidOn, body.Reference, body.Version), ct);
                return paid.IsSuccess ? await VoucherAnswer(desk, partnershipId, schemeId, voucherId, ct) : Problems.From(paid.Errors);
            })
            .RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Records the payout of an invoiced voucher: date (from the invoice date up to today) and reference, with the voucher's version read; 409 when not invoiced or stale.")
            .Produces<VoucherDto>(StatusCodes.Status200OK)
            .ProducesProblems(WriteProblems);
        voucher.MapGet("/files/{kind}", async Task<IResult> (int partnershipId, int schemeId, int voucherId, string kind, VoucherDeskService desk, CancellationToken ct) =>
            {
                if (await desk.VoucherAsync(partnershipId, schemeId, voucherId, ct) is null)
                {
                    return Problems.From(VoucherModel.NotFound(voucherId));
                }

                return VoucherLabels.ParseFileKind(kind) is { } k && await desk.FileAsync(voucherId, k, ct) is { } file
                    ? TypedResults.File(file.Content, "application/pdf", file.FileName)
                    : Problems.From(VoucherModel.FileNotFound(voucherId, kind));
            })
            .WithSummary("The company's invoice (kind invoice) or proof of own share (kind own-share-proof) as uploaded: a PDF checked by content. 404 when there is none.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    /// <summary>A status filter that is not one of the statuses: 400 (rather than every voucher).</summary>
    private static IResult? BadStatus(string? status) => status is not null && VoucherExport.ParseStatus(status) is null
        ? Problems.Invalid("status", "Status: unconfirmed, applied, approved, refused, delivered, invoiced, paid, lapsed, withdrawn of reclaimed.", "Status: unconfirmed, applied, approved, refused, delivered, invoiced, paid, lapsed, withdrawn or reclaimed.")
        : null;

    private static IResult? BadFormat(string? format) => format is null || format.Equals("csv", StringComparison.OrdinalIgnoreCase) || format.Equals("xlsx", StringComparison.OrdinalIgnoreCase)
        ? null
        : Problems.Invalid("format", "Formaat: csv of xlsx.", "Format: csv or xlsx.");

    private static DomainError SchemeNotFound(int id) => EditModel.NotFound(id);

    private static void Write(RouteHandlerBuilder endpoint, string summary) =>
        endpoint.RequirePartnership(PartnershipPermission.Edit)
            .WithSummary(summary)
            .Produces<VoucherSchemeDto>(StatusCodes.Status200OK)
            .ProducesProblems(WriteProblems);

    private static async Task<IResult> Answer(VoucherDeskService desk, BrusselsClock clock, int partnershipId, Result<VoucherScheme> result, CancellationToken ct) =>
        result.IsSuccess && await desk.SchemeAsync(partnershipId, result.Value!.Id, ct) is { } view ? TypedResults.Ok(VoucherSchemeDto.Of(view, clock.UtcNow)) : Problems.From(result.Errors);

    private static async Task<IResult> VoucherAnswer(VoucherDeskService desk, int partnershipId, int schemeId, int voucherId, CancellationToken ct) =>
        await desk.VoucherAsync(partnershipId, schemeId, voucherId, ct) is { } v ? TypedResults.Ok(VoucherDto.Of(v, await desk.FilesAsync(voucherId, ct))) : Problems.From(VoucherModel.NotFound(voucherId));
}
