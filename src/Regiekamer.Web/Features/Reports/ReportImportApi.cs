using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Reports;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Reports;

/// <summary>The form of an import: the annual accounts' actions (CSV or XLSX in BBC's action layout) and the report's version read.</summary>
public sealed record ReportImportForm(IFormFile File, int Version);

/// <summary>
/// POST /api/v1/reports/{reportId}/import: the partnership's regisseur or signatory replaces the report's actions with
/// those of its annual accounts (R15; <see cref="ReportImport"/> says how rows match planned actions). Mapped on the
/// /reports/{reportId} group, so the partnership gate judges the caller for the report's partnership first.
/// </summary>
public static class ReportImportApi
{
    public static void Map(RouteGroupBuilder report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.MapPost("/import", ImportAsync)
            .RequirePartnership(ReportRules.PermissionFor(ReportStep.Edit))
            .WithMetadata(new RequestSizeLimitAttribute(ApplicationService.MaxPlanRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: ApplicationService.MaxPlanRequestBytes)
            .Accepts<ReportImportForm>("multipart/form-data")
            .WithSummary("Imports the actions of the annual accounts (form fields: file, CSV or XLSX in BBC's action layout with the column Bedrag YYYY of the report's year, at most 32 MB; version, the report's version read) into the report (R15): a row with the code and short description of a planned action (case and white space ignored) reports it as carried out with the year's amount as its cost; any other row is an unplanned action; a planned action without a row is not carried out, and the report then asks why. All or nothing: a file with bad rows (R11, R12, or an amount for another year: R15) is 422 naming every row and column, and changes nothing; 409 when the report can no longer change or the version is stale.")
            .Produces<ReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity); // 413: OpenApiSetup declares it for every body
    }

    private static async Task<IResult> ImportAsync(int reportId, HttpRequest request, ReportImportService imports, ReportService reports, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Problems.Invalid("file", "Stuur de jaarrekening als multipart/form-data met de velden 'file' en 'version'.", "Send the annual accounts as multipart/form-data with the fields 'file' and 'version'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Problems.Invalid("file", "Het formulier is onvolledig of misvormd.", "The form is incomplete or malformed.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Problems.Invalid("file", "Bestand: verplicht (formulierveld 'file': de acties van de jaarrekening, CSV of XLSX).", "File: required (form field 'file': the actions of the annual accounts, CSV or XLSX).");
        }

        if (!int.TryParse(form["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Problems.Invalid("version", "Versie: verplicht (formulierveld 'version': de versie van het jaarverslag die je las).", "Version: required (form field 'version': the report's version you read).");
        }

        await using var content = file.OpenReadStream();
        var imported = await imports.ImportAsync(reportId, content, string.IsNullOrWhiteSpace(file.FileName) ? "jaarrekening" : file.FileName, version, ct);
        return imported.IsSuccess ? TypedResults.Ok(await ReportDto.OfAsync(reports, imported.Value!, ct)) : Problems.From(imported.Errors);
    }
}
