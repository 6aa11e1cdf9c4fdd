using System.Globalization;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Data;

namespace Regiekamer.Web.Features.Audit;

/// <summary>The CSV download of the page and of the API: streamed record by record, UTF-8 with a byte-order mark.</summary>
public static class AuditExport
{
    public static async Task WriteAsync(HttpResponse response, RegiekamerDb db, AuditFilter filter, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var stamp = Regiekamer.Core.Common.BrusselsClock.InBrussels(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        response.ContentType = AuditCsv.ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"auditspoor-{stamp}.csv\"";
        response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(response.Body, AuditCsv.FileEncoding, bufferSize: 16 * 1024, leaveOpen: true);
        await AuditCsv.WriteAsync(writer, AuditReader.StreamAsync(db, filter, ct), ct);
        await writer.FlushAsync(ct);
    }
}
