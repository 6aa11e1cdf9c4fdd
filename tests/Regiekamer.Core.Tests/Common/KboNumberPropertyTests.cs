using System.Globalization;
using CsCheck;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Common;

/// <summary>The enterprise number's checksum (97 − first eight mod 97) as properties over every body (CsCheck, with shrinking).</summary>
public sealed class KboNumberPropertyTests
{
    /// <summary>A valid number: a body 0…19,999,999 (first digit 0 or 1) and its check digits.</summary>
    private static readonly Gen<string> Valid = Gen.Int[0, 19_999_999].Select(body =>
    {
        var text = body.ToString("D8", CultureInfo.InvariantCulture);
        return text + (97 - (body % 97)).ToString("D2", CultureInfo.InvariantCulture);
    });

    [Fact]
    public void ValidNumbers_RoundTrip_WithAndWithoutDotsSpacesAndBE()
    {
        Valid.Sample(digits =>
        {
            var dotted = $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";
            foreach (var text in new[] { digits, dotted, "BE" + digits, "BE " + dotted, "be" + dotted, $"{digits[..4]} {digits[4..7]} {digits[7..]}" })
            {
                Assert.True(KboNumber.TryParse(text, out var number), text);
                Assert.Equal(digits, number.Value);
            }

            var parsed = KboNumber.Parse(digits);
            Assert.Equal(dotted, parsed.ToDisplayString());
            Assert.Equal(parsed, KboNumber.Parse(parsed.ToDisplayString()));
        });
    }

    [Fact]
    public void AnySingleDigitChange_OfAValidNumber_IsRejected()
    {
        Gen.Select(Valid, Gen.Int[0, 9], Gen.Int[1, 9]).Sample((digits, position, shift) =>
        {
            var changed = digits.ToCharArray();
            changed[position] = (char)('0' + ((changed[position] - '0' + shift) % 10));
            var text = new string(changed);

            Assert.False(KboNumber.TryParse(text, out _), $"{digits} → {text}");
        });
    }

    [Fact]
    public void SwappingTwoDifferentNeighbouringDigitsOfTheBody_IsRejected()
    {
        Gen.Select(Valid, Gen.Int[1, 6]).Where((digits, i) => digits[i] != digits[i + 1]).Sample((digits, i) =>
        {
            var swapped = digits.ToCharArray();
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);

            Assert.False(KboNumber.TryParse(new string(swapped), out _));
        });
    }
}
