/** What every write and query path reports when input is refused: field errors with stable codes. */
package io.kith.validation;
