

namespace Regiekamer.Web.Features.Published;

public sealed record PublishedAllocationSummaryDto(int Id, int CallVersionId, string Budget, DateOnly EligibilityDate, DateTime PublishedAtUtc);
