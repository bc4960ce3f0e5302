/** Input rules every service applies at its edge, beside Bean Validation's own. */
package com.airline.chassis.validation;
