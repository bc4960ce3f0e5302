/** The page record every list endpoint answers. */
package com.airline.chassis.page;
