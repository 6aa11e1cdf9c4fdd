using Microsoft.AspNetCore.Mvc;
using Quartz;
using Regiekamer.Core.Common;
using Regiekamer.Core.Kbo;
using Regiekamer.Core.Notifications.Jobs;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Kbo;

/// <summary>GET /api/v1/kbo/{number} for anyone signed in; the imports of extracts for administrators.</summary>
public static class KboApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/kbo").WithTags("KBO");
        group.MapGet("/{number}", FindAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("An enterprise in the KBO extract in force (number with or without dots or BE): name, juridical form, registered office, main NACE activities, whether it is active or a natural person, and the extract's snapshot date. 400 when the check digits are wrong (97 − first eight mod 97); 404 when the number is not in the extract (or none is loaded).")
            .Produces<KboEnterpriseDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapGet("/imports", ListImportsAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("The latest imports of KBO extracts, newest first: queued, loading (with the file and rows read), in force, superseded or refused (with the file and line).")
            .Produces<List<KboImportDto>>(StatusCodes.Status200OK);

        group.MapPost("/imports", UploadAsync).RequireAuthorization(Policies.Administrator)
            .WithMetadata(new RequestSizeLimitAttribute(KboUploads.MaxBytes))
            .WithSummary("Uploads a KBO Open Data ZIP as the request body (application/zip; full or update, at most 2 GB; ?name= the file name to record) and queues it: 202 with the queued import, which a background job runs; follow it with GET /api/v1/kbo/imports. 409 while another import is queued or running.")
            .Produces<KboImportDto>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> FindAsync(string number, KboService kbo, CancellationToken ct)
    {
        if (!KboNumber.TryParse(number, out var parsed))
        {
            return Problems.From(KboService.Invalid(number));
        }

        var found = await kbo.FindAsync(parsed, ct);
        return found.IsSuccess ? TypedResults.Ok(KboEnterpriseDto.Of(found.Value!)) : Problems.From(found.Errors);
    }

    private static async Task<IResult> ListImportsAsync(KboService kbo, CancellationToken ct) =>
        TypedResults.Ok((await kbo.HistoryAsync(20, ct)).Select(KboImportDto.Of).ToList());

    private static async Task<IResult> UploadAsync(string? name, HttpRequest request, KboImportService imports, KboUploads uploads, IServiceProvider services, CancellationToken ct)
    {
        var path = await uploads.SaveAsync(request.Body, ct);
        if (new FileInfo(path).Length == 0)
        {
            File.Delete(path);
            return Problems.Invalid("body", "Stuur het ZIP-bestand van KBO Open Data als body (application/zip).", "Send the KBO Open Data ZIP file as the body (application/zip).");
        }

        var queued = await imports.QueueAsync(path, string.IsNullOrWhiteSpace(name) ? "upload.zip" : Path.GetFileName(name.Trim()), ct);
        if (!queued.IsSuccess)
        {
            File.Delete(path);
            return Problems.From(queued.Errors);
        }

        await StartNowAsync(services, ct);
        return TypedResults.Accepted("/api/v1/kbo/imports", KboImportDto.Of(queued.Value!));
    }

    /// <summary>Fires the import job now rather than at its next minute, where the app runs the scheduler.</summary>
    internal static async Task StartNowAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetKeyedService<ISchedulerFactory>(SchedulerSetup.SchedulerName) is { } factory)
        {
            var scheduler = await factory.GetScheduler(ct);
            await scheduler.TriggerJob(KboImportJob.Key, ct);
        }
    }
}
