using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Web.Features.Imports;

public sealed class IndexModel(ImportService imports) : PageModel
{
    [BindProperty]
    public string Kind { get; set; } = "job-seekers";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateOnly? ReferenceDate { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public IReadOnlyList<ReferenceDataset> Created { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (Upload is null || Upload.Length == 0)
        {
            errors.Add(DomainError.Invalid("validation", "Bestand: kies een CSV-bestand.", "File: choose a CSV file.", "file"));
        }

        if (ReferenceDate is null)
        {
            errors.Add(DomainError.Invalid("validation", "Referentiedatum: verplicht.", "Reference date: required.", "referenceDate"));
        }

        if (errors.Count == 0)
        {
            byte[] content;
            await using (var upload = Upload!.OpenReadStream())
            {
                content = await CsvText.ReadAllBytesAsync(upload, ct);
            }

            var kind = Kind == "population" ? FigureFileKind.Population : FigureFileKind.JobSeekers;
            var result = await imports.ImportAsync(new ImportRequest(kind, Path.GetFileName(Upload.FileName), ReferenceDate!.Value, Source), content, ct);
            if (result.IsSuccess)
            {
                Created = result.Value!;
                return Page();
            }

            errors.AddRange(result.Errors);
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
