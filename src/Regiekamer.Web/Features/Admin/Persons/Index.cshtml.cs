using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Audit;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Admin.Persons;

/// <summary>GDPR: export everything Regiekamer holds about one person (art. 15), or erase them (art. 17). Administrators only (the Admin folder).</summary>
public sealed class IndexModel(PersonalDataService personalData, TimeProvider time) : RegiekamerPage
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public ErasureResult? Erased { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The export as a JSON download.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var export = await personalData.ExportAsync(new PersonQuery(Email, Name), ct);
        if (!export.IsSuccess)
        {
            return Fail(export.Errors);
        }

        var stamp = Core.Common.BrusselsClock.InBrussels(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        var json = JsonSerializer.SerializeToUtf8Bytes(export.Value, PersonalDataJson.Options);
        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", $"persoonsgegevens-{stamp}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (!Confirm)
        {
            return Fail([Core.Common.DomainError.Invalid("validation", "Bevestig dat je deze persoon definitief wilt wissen.", "Confirm that you want to erase this person for good.", "confirm")]);
        }

        var erased = await personalData.EraseAsync(new PersonQuery(Email, Name), ct);
        if (!erased.IsSuccess)
        {
            return Fail(erased.Errors);
        }

        Erased = erased.Value;
        Email = null;
        Name = null;
        return Page();
    }
}

/// <summary>How an export is written: indented, camelCase, letters as they are.</summary>
public static class PersonalDataJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
